namespace MediaEvents.Generators.Model;

/// <summary>The kinds of values a spec property can hold.</summary>
internal enum ValueKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,
    Object,
    Enum,
    Array,
    Map,

    /// <summary>A value the spec leaves free-form (or one the generator cannot map): kept as raw JSON.</summary>
    Json,
}

/// <summary>The C#-independent description of a property's type.</summary>
/// <param name="Kind">What kind of value.</param>
/// <param name="Name">The C# name of the object or enum type, for those kinds.</param>
/// <param name="Element">The element type of an array or map.</param>
internal sealed record TypeRef(ValueKind Kind, string? Name = null, TypeRef? Element = null)
{
    public bool IsValueType => Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Boolean or ValueKind.DateTimeOffset or ValueKind.Enum;
}
