namespace MediaEvents.Generators.Model;

/// <summary>One generated data type (a record).</summary>
internal sealed record TypeModel
{
    /// <summary>The C# name.</summary>
    public required string Name { get; init; }

    /// <summary>The spec's definition name (null for a generated fallback subtype).</summary>
    public required string? DefinitionName { get; init; }

    /// <summary>The spec's description, or our own for a fallback subtype.</summary>
    public required string? Description { get; init; }

    /// <summary>The C# name of the base type (from allOf), if any.</summary>
    public required string? BaseName { get; init; }

    /// <summary>Whether other generated types derive from this one.</summary>
    public required bool HasDerivedTypes { get; init; }

    /// <summary>The properties this type declares itself.</summary>
    public required EquatableArray<PropertyModel> OwnProperties { get; init; }

    /// <summary>Every property, inherited ones first, in the spec's order: what the reader and writer handle.</summary>
    public required EquatableArray<PropertyModel> AllProperties { get; init; }

    /// <summary>For a discriminated base: the discriminator's JSON name, its subtypes and the fallback subtype.</summary>
    public Polymorphism? Polymorphism { get; init; }

    /// <summary>Whether this is the generated fallback for discriminator values the spec does not list.</summary>
    public bool IsFallback { get; init; }

    /// <summary>
    /// The discriminator value this subtype stands for: its x-ms-discriminator-value, else (under a discriminated base)
    /// its definition name, as the base's reader chooses it.
    /// </summary>
    public string? DiscriminatorValue { get; init; }

    /// <summary>
    /// For a subtype of a discriminated root that declares its discriminator member: that member, which the subtype
    /// sets itself (the fallback subtype keeps the value read).
    /// </summary>
    public DiscriminatorMember? Discriminator { get; init; }

    public bool IsAbstract => Polymorphism is not null;
}

/// <summary>How a discriminated base type chooses its subtype.</summary>
/// <param name="PropertyJsonName">The discriminator member, e.g. <c>@odata.type</c>.</param>
/// <param name="Subtypes">Each discriminator value with the C# name of its subtype, ordinal-sorted by value.</param>
/// <param name="FallbackName">The C# name of the subtype for every other value.</param>
internal sealed record Polymorphism(string PropertyJsonName, EquatableArray<Subtype> Subtypes, string FallbackName);

/// <summary>The discriminator member a subtype inherits from its discriminated root.</summary>
/// <param name="Property">The member, as the root declares it.</param>
/// <param name="FallbackName">The C# name of the root's subtype for values the spec does not list.</param>
internal sealed record DiscriminatorMember(PropertyModel Property, string FallbackName);

/// <summary>A discriminator value and the subtype it selects.</summary>
internal sealed record Subtype(string Value, string Name);
