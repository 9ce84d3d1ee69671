using Xunit;

namespace MediaEvents.Tracking.AzureTables.Tests;

/// <summary>The tests that share one Azurite, started once for the collection.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Azurite";
}
