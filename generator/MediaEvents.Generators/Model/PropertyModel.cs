namespace MediaEvents.Generators.Model;

/// <summary>One property of a generated data type.</summary>
/// <param name="JsonName">The name in JSON, as the spec spells it.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The property's type.</param>
/// <param name="Description">The spec's description, if any.</param>
/// <param name="IsRequired">Whether the spec lists it as required (then it is non-nullable and must be present).</param>
internal sealed record PropertyModel(string JsonName, string Name, TypeRef Type, string? Description, bool IsRequired);
