using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MediaEvents.Generators.Diagnostics;

/// <summary>A place in a spec file, as plain data: turned into a <see cref="Location"/> only when reported.</summary>
/// <param name="FilePath">The spec file.</param>
/// <param name="Start">Character offset of the start.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Line">Zero-based line.</param>
/// <param name="Column">Zero-based column.</param>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int Line, int Column)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(Line, Column + Length)));
}
