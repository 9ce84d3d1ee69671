namespace MediaEvents.Generators.Model;

/// <summary>Everything the emitters need for one spec: no Roslyn, NJsonSchema or JSON objects.</summary>
internal sealed record SpecModel
{
    /// <summary>The namespace to generate into.</summary>
    public required string Namespace { get; init; }

    /// <summary><c>public</c> or <c>internal</c>.</summary>
    public required string Accessibility { get; init; }

    /// <summary>The names of the generated entry points (visitor, dispatcher, catalogue, serializer context).</summary>
    public required EntryPointNames Names { get; init; }

    /// <summary>The spec's path (for the file header).</summary>
    public required string SpecPath { get; init; }

    /// <summary>The spec's <c>info.version</c>, if any.</summary>
    public required string? SpecVersion { get; init; }

    /// <summary>The data types, ordinal-sorted by name.</summary>
    public required EquatableArray<TypeModel> Types { get; init; }

    /// <summary>The enums, ordinal-sorted by name.</summary>
    public required EquatableArray<EnumModel> Enums { get; init; }

    /// <summary>The event types, ordinal-sorted by event type name.</summary>
    public required EquatableArray<EventModel> Events { get; init; }
}
