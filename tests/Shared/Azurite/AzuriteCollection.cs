using Xunit;

namespace MediaEvents.Tests.Azurite;

/// <summary>The tests that share one Azurite table service, started once for the collection.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Azurite";
}
