using System.Linq;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>
/// Emits an extensible enum: a readonly struct with the known values as static members, any other value kept
/// as it arrived, and equality that ignores case. The runtime reads and writes it (<c>MediaJson.ReadEnum</c>,
/// <c>MediaJsonEnumConverter&lt;T&gt;</c>) through <c>IMediaJsonEnum&lt;T&gt;</c>.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(SpecModel spec, EnumModel model)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        string name = model.Name;
        writer.Summary(model.Description, $"The values of <c>{CSharpNames.XmlText(name)}</c>.");
        writer.Block($$"""
            /// <remarks>
            /// Extensible: a value the spec does not list is kept as it arrived and written back unchanged.
            /// Values compare ignoring case.
            /// </remarks>
            {{GeneratedCode.Attribute}}
            [{{TypeNames.StjSerialization}}.JsonConverter(typeof({{TypeNames.Json}}.MediaJsonEnumConverter<{{name}}>))]
            {{spec.Accessibility}} readonly partial struct {{name}} : global::System.IEquatable<{{name}}>, {{TypeNames.Json}}.IMediaJsonEnum<{{name}}>
            {
                private readonly string? _value;

                /// <summary>Creates a value, known or not.</summary>
                /// <param name="value">The value as it appears in JSON.</param>
                public {{name}}(string value)
                {
                    _value = value ?? throw new global::System.ArgumentNullException(nameof(value));
                }
            """);
        writer.Indent();
        foreach (EnumValueModel value in model.Values)
        {
            writer.Line();
            writer.Summary(value.Description, $"The value <c>{CSharpNames.XmlText(value.Value)}</c>.");
            writer.Line($"public static {name} {value.Name} {{ get; }} = new {name}({CSharpNames.Literal(value.Value)});");
        }

        writer.Block("""

            /// <summary>The value as it arrived (the empty string for <see langword="default"/>).</summary>
            public string Value => _value ?? string.Empty;

            /// <summary>Whether the value is one the spec lists (ignoring case).</summary>
            public bool IsKnown =>
            """);
        writer.Wrapped("    ", model.Values.Select(static value => $"Equals({value.Name})"), " || ", ";");

        writer.Block($$"""

            /// <summary>The value for UTF-8 text: a known value without allocating when it matches exactly.</summary>
            /// <param name="utf8Value">The value's UTF-8 text.</param>
            /// <exception cref="{{TypeNames.Json}}.MediaJsonException">The bytes are not UTF-8.</exception>
            public static {{name}} FromUtf8(global::System.ReadOnlySpan<byte> utf8Value) => utf8Value.Length switch
            {
            """);
        writer.Indent();
        foreach (EnumValueModel value in model.Values
            .OrderBy(static value => System.Text.Encoding.UTF8.GetByteCount(value.Value))
            .ThenBy(static value => value.Value, System.StringComparer.Ordinal))
        {
            string length = CSharpNames.Number(System.Text.Encoding.UTF8.GetByteCount(value.Value));
            writer.Line($"{length} when global::System.MemoryExtensions.SequenceEqual(utf8Value, {CSharpNames.Utf8Literal(value.Value)}) => {value.Name},");
        }

        writer.Line($"_ => new {name}({TypeNames.MediaJson}.DecodeUtf8(utf8Value)),");
        writer.Close("};");
        writer.Block($$"""

            /// <summary>Compares ignoring case.</summary>
            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            /// <summary>Compares ignoring case.</summary>
            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

            /// <summary>Wraps any string as a value.</summary>
            public static implicit operator {{name}}(string value) => new {{name}}(value);

            /// <inheritdoc />
            public bool Equals({{name}} other) => string.Equals(Value, other.Value, global::System.StringComparison.OrdinalIgnoreCase);

            /// <inheritdoc />
            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            /// <inheritdoc />
            public override int GetHashCode() => global::System.StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

            /// <inheritdoc />
            public override string ToString() => Value;

            static {{name}} {{TypeNames.Json}}.IMediaJsonEnum<{{name}}>.FromString(string value) => new {{name}}(value);
            """);
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }
}
