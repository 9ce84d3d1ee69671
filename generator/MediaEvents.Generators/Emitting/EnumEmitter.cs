using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>
/// Emits an extensible enum: a readonly struct with the known values as static members, any other value kept
/// as it arrived, and equality that ignores case.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(SpecModel spec, EnumModel model)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        writer.Summary(model.Description, $"The values of <c>{CSharpNames.XmlText(model.Name)}</c>.");
        writer.Line("/// <remarks>");
        writer.Line("/// Extensible: a value the spec does not list is kept as it arrived and written back unchanged.");
        writer.Line("/// Values compare ignoring case.");
        writer.Line("/// </remarks>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line($"[{TypeNames.StjSerialization}.JsonConverter(typeof({TypeNames.Converter(spec, model.Name)}))]");
        writer.Line($"{spec.Accessibility} readonly partial struct {model.Name} : global::System.IEquatable<{model.Name}>");
        writer.Open();
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line($"/// <summary>Creates a value, known or not.</summary>");
        writer.Line($"/// <param name=\"value\">The value as it appears in JSON.</param>");
        writer.Line($"public {model.Name}(string value)");
        writer.Open();
        writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Close();
        foreach (EnumValueModel value in model.Values)
        {
            writer.Line();
            writer.Summary(value.Description, $"The value <c>{CSharpNames.XmlText(value.Value)}</c>.");
            writer.Line($"public static {model.Name} {value.Name} {{ get; }} = new {model.Name}({CSharpNames.Literal(value.Value)});");
        }

        writer.Line();
        writer.Line("/// <summary>The value as it arrived (the empty string for <see langword=\"default\"/>).</summary>");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Whether the value is one the spec lists (ignoring case).</summary>");
        writer.Line("public bool IsKnown =>");
        for (int i = 0; i < model.Values.Count; i++)
        {
            string end = i == model.Values.Count - 1 ? ";" : " ||";
            writer.Line($"    Equals({model.Values[i].Name}){end}");
        }

        writer.Line();
        writer.Line("/// <summary>The value for UTF-8 text: a known value without allocating when it matches exactly.</summary>");
        writer.Line("/// <param name=\"utf8Value\">The value's UTF-8 text.</param>");
        writer.Line("/// <exception cref=\"global::MediaEvents.Json.MediaJsonException\">The bytes are not UTF-8.</exception>");
        writer.Line($"public static {model.Name} FromUtf8(global::System.ReadOnlySpan<byte> utf8Value)");
        writer.Open();
        foreach (EnumValueModel value in model.Values)
        {
            writer.Line($"if (global::System.MemoryExtensions.SequenceEqual(utf8Value, {CSharpNames.Utf8Literal(value.Value)}))");
            writer.Open();
            writer.Line($"return {value.Name};");
            writer.Close();
            writer.Line();
        }

        writer.Line($"return new {model.Name}(global::MediaEvents.Json.MediaJson.DecodeUtf8(utf8Value));");
        writer.Close();
        writer.Block($$"""

            /// <summary>Compares ignoring case.</summary>
            public static bool operator ==({{model.Name}} left, {{model.Name}} right) => left.Equals(right);

            /// <summary>Compares ignoring case.</summary>
            public static bool operator !=({{model.Name}} left, {{model.Name}} right) => !left.Equals(right);

            /// <summary>Wraps any string as a value.</summary>
            public static implicit operator {{model.Name}}(string value) => new {{model.Name}}(value);

            /// <inheritdoc />
            public bool Equals({{model.Name}} other) => string.Equals(Value, other.Value, global::System.StringComparison.OrdinalIgnoreCase);

            /// <inheritdoc />
            public override bool Equals(object? obj) => obj is {{model.Name}} other && Equals(other);

            /// <inheritdoc />
            public override int GetHashCode() => global::System.StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

            /// <inheritdoc />
            public override string ToString() => Value;
            """);
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }
}
