namespace MediaEvents.Generators.Model;

/// <summary>An extensible enum, generated as a readonly struct that keeps unknown values.</summary>
/// <param name="Name">The C# name (x-ms-enum name).</param>
/// <param name="Description">A description, from the first property that uses it.</param>
/// <param name="Values">The known values, in the spec's order.</param>
/// <param name="IsExtensible">x-ms-enum modelAsExtensible (documented; unknown values are kept either way).</param>
internal sealed record EnumModel(string Name, string? Description, EquatableArray<EnumValueModel> Values, bool IsExtensible);

/// <summary>One known value of an enum.</summary>
/// <param name="Value">The value as the spec spells it.</param>
/// <param name="Name">The C# member name.</param>
/// <param name="Description">Its description, if any.</param>
internal sealed record EnumValueModel(string Value, string Name, string? Description);
