namespace MediaEvents.Generators.Parsing;

/// <summary>Small text helpers of the parse step.</summary>
internal static class Text
{
    /// <summary>A spec description trimmed, or null when there is none.</summary>
    public static string? Description(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}
