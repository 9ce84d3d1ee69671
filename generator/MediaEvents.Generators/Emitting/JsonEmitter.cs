using System.Linq;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>
/// Emits the System.Text.Json side: one converter per type (nested in the context, Utf8JsonReader-based,
/// tolerant of the service's quirks, keeping unknown members) and the serializer context itself.
/// </summary>
internal static class JsonEmitter
{
    public static string EmitConverter(SpecModel spec, TypeModel type)
    {
        SourceWriter writer = StartConverter(spec, type.Name);
        string fullName = $"global::{spec.Namespace}.{type.Name}";
        if (type.Polymorphism is { } polymorphism)
        {
            EmitPolymorphicConverter(spec, writer, fullName, polymorphism);
        }
        else
        {
            EmitObjectConverter(spec, writer, type, fullName);
        }

        return EndConverter(writer);
    }

    public static string EmitEnumConverter(SpecModel spec, EnumModel model)
    {
        SourceWriter writer = StartConverter(spec, model.Name);
        string fullName = $"global::{spec.Namespace}.{model.Name}";
        writer.Block($$"""
            /// <inheritdoc />
            public override {{fullName}} Read(ref {{TypeNames.Reader}} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>
                ReadValue(ref reader, {{TypeNames.ReadContext}}.Unlimited) ?? throw {{TypeNames.MediaJson}}.NullNotAllowed();

            /// <inheritdoc />
            public override void Write({{TypeNames.Writer}} writer, {{fullName}} value, global::System.Text.Json.JsonSerializerOptions options) =>
                WriteValue(writer, value);

            /// <summary>Reads the value at the reader: a string, or a number's text; <see langword="null"/> for JSON null.</summary>
            public static {{fullName}}? ReadValue(ref {{TypeNames.Reader}} reader, {{TypeNames.ReadContext}} context)
            {
                switch (reader.TokenType)
                {
                    case {{TypeNames.TokenType}}.Null:
                        return null;
                    case {{TypeNames.TokenType}}.String when !reader.ValueIsEscaped && !reader.HasValueSequence:
                        return {{fullName}}.FromUtf8(reader.ValueSpan);
                    case {{TypeNames.TokenType}}.String:
                    case {{TypeNames.TokenType}}.Number:
                        return new {{fullName}}({{TypeNames.MediaJson}}.ReadString(ref reader)!);
                    default:
                        throw {{TypeNames.MediaJson}}.Unexpected(ref reader, "a string");
                }
            }

            /// <summary>Writes the value as it arrived.</summary>
            public static void WriteValue({{TypeNames.Writer}} writer, {{fullName}} value) => writer.WriteStringValue(value.Value);
            """);
        return EndConverter(writer);
    }

    public static string EmitContext(SpecModel spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        string options = "global::System.Text.Json.JsonSerializerOptions";
        string metadata = "global::System.Text.Json.Serialization.Metadata";
        writer.Block($$"""
            /// <summary>
            /// System.Text.Json metadata for every type of the spec, built on the generated converters: AOT- and
            /// trim-safe, tolerant when reading (numbers where the spec says string, integers in strings, property
            /// names in any case), and keeping members the spec does not define.
            /// </summary>
            {{GeneratedCode.Attribute}}
            {{spec.Accessibility}} sealed partial class {{spec.Names.Context}} : {{TypeNames.StjSerialization}}.JsonSerializerContext, {{metadata}}.IJsonTypeInfoResolver
            {
                private static readonly {{options}} s_defaultOptions = new {{options}}();

                /// <summary>Creates a context with its own default options.</summary>
                public {{spec.Names.Context}}()
                    : base(null)
                {
                }

                /// <summary>Creates a context bound to <paramref name="options"/> (which it then resolves types for).</summary>
                /// <param name="options">The options to bind to.</param>
                public {{spec.Names.Context}}({{options}} options)
                    : base(options)
                {
                }

                /// <summary>The shared default instance.</summary>
                public static {{spec.Names.Context}} Default { get; } = new {{spec.Names.Context}}(new {{options}}(s_defaultOptions));

                /// <inheritdoc />
                protected override {{options}}? GeneratedSerializerOptions => s_defaultOptions;
            """);
        writer.Indent();
        foreach (string name in Names(spec))
        {
            string fullName = $"global::{spec.Namespace}.{name}";
            writer.Line();
            writer.Line($"private {metadata}.JsonTypeInfo<{fullName}>? _{name};");
            writer.Line();
            writer.Line($"/// <summary>Metadata for <see cref=\"{fullName}\"/>.</summary>");
            writer.Line($"public {metadata}.JsonTypeInfo<{fullName}> {name} => _{name} ??= ({metadata}.JsonTypeInfo<{fullName}>)Options.GetTypeInfo(typeof({fullName}));");
        }

        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public override {metadata}.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        writer.Open();
        writer.Line("Options.TryGetTypeInfo(type, out " + metadata + ".JsonTypeInfo? typeInfo);");
        writer.Line("return typeInfo;");
        writer.Close();
        writer.Line();
        writer.Line($"{metadata}.JsonTypeInfo? {metadata}.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {options} options)");
        writer.Open();
        foreach (string name in Names(spec))
        {
            string fullName = $"global::{spec.Namespace}.{name}";
            writer.Line($"if (type == typeof({fullName}))");
            writer.Open();
            writer.Line($"return {metadata}.JsonMetadataServices.CreateValueInfo<{fullName}>(options, new {TypeNames.Converter(spec, name)}());");
            writer.Close();
            writer.Line();
        }

        writer.Line("return null;");
        writer.Close();
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }

    private static System.Collections.Generic.IEnumerable<string> Names(SpecModel spec) =>
        spec.Types.Select(static type => type.Name).Concat(spec.Enums.Select(static model => model.Name)).OrderBy(static name => name, System.StringComparer.Ordinal);

    private static SourceWriter StartConverter(SpecModel spec, string typeName)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        writer.Line($"{spec.Accessibility} sealed partial class {spec.Names.Context}");
        writer.Open();
        writer.Line($"/// <summary>Reads and writes <see cref=\"global::{spec.Namespace}.{typeName}\"/> with <see cref=\"{TypeNames.Reader}\"/> directly.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line($"public sealed class {typeName}Converter : {TypeNames.StjSerialization}.JsonConverter<global::{spec.Namespace}.{typeName}>");
        writer.Open();
        return writer;
    }

    private static string EndConverter(SourceWriter writer)
    {
        writer.Close();
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }

    private static void EmitCommonOverrides(SourceWriter writer, string fullName) => writer.Block($$"""
        /// <inheritdoc />
        public override {{fullName}}? Read(ref {{TypeNames.Reader}} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>
            ReadValue(ref reader, {{TypeNames.ReadContext}}.Unlimited);

        /// <inheritdoc />
        public override void Write({{TypeNames.Writer}} writer, {{fullName}} value, global::System.Text.Json.JsonSerializerOptions options) =>
            WriteValue(writer, value);
        """);

    private static void EmitPolymorphicConverter(SpecModel spec, SourceWriter writer, string fullName, Polymorphism polymorphism)
    {
        writer.Line($"private static readonly {TypeNames.Json}.MediaJsonPropertyNames s_discriminator = new {TypeNames.Json}.MediaJsonPropertyNames({CSharpNames.Literal(polymorphism.PropertyJsonName)});");
        writer.Line();
        EmitCommonOverrides(writer, fullName);
        writer.Line();
        writer.Line($"/// <summary>Reads the subtype that <c>{CSharpNames.XmlText(polymorphism.PropertyJsonName)}</c> names, wherever it sits in the object; <see langword=\"null\"/> for JSON null.</summary>");
        writer.Line($"public static {fullName}? ReadValue(ref {TypeNames.Reader} reader, {TypeNames.ReadContext} context)");
        writer.Open();
        writer.Line($"if (reader.TokenType == {TypeNames.TokenType}.Null)");
        writer.Open().Line("return null;").Close();
        writer.Line();
        writer.Line($"{TypeNames.MediaJson}.ExpectStartObject(ref reader, context);");
        writer.Line($"return {TypeNames.MediaJson}.PeekDiscriminator(ref reader, s_discriminator, context) switch");
        writer.Open();
        foreach (Subtype subtype in polymorphism.Subtypes)
        {
            writer.Line($"{CSharpNames.Literal(subtype.Value)} => {TypeNames.Converter(spec, subtype.Name)}.ReadValue(ref reader, context),");
        }

        writer.Line($"_ => {TypeNames.Converter(spec, polymorphism.FallbackName)}.ReadValue(ref reader, context),");
        writer.Close("};");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Writes the value through its subtype's writer.</summary>");
        writer.Line($"public static void WriteValue({TypeNames.Writer} writer, {fullName} value)");
        writer.Open();
        writer.Line("switch (value)");
        writer.Open();
        foreach (string name in polymorphism.Subtypes.Select(static subtype => subtype.Name).Append(polymorphism.FallbackName))
        {
            writer.Line($"case global::{spec.Namespace}.{name} item:");
            writer.Line($"    {TypeNames.Converter(spec, name)}.WriteValue(writer, item);");
            writer.Line("    break;");
        }

        writer.Line("default:");
        writer.Line($"    throw new global::System.NotSupportedException($\"Cannot write {{value.GetType()}}: only the subtypes generated from the spec can be written.\");");
        writer.Close();
        writer.Close();
    }

    private static void EmitObjectConverter(SpecModel spec, SourceWriter writer, TypeModel type, string fullName)
    {
        EquatableArray<PropertyModel> properties = type.AllProperties;
        string names = string.Join(", ", properties.Select(static property => CSharpNames.Literal(property.JsonName)));
        writer.Line($"private static readonly {TypeNames.Json}.MediaJsonPropertyNames s_names = new {TypeNames.Json}.MediaJsonPropertyNames({names});");
        foreach (PropertyModel property in properties)
        {
            writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_{CSharpNames.ToLocal(property.Name).TrimStart('@')}Name = global::System.Text.Json.JsonEncodedText.Encode({CSharpNames.Literal(property.JsonName)});");
        }

        writer.Line();
        EmitCommonOverrides(writer, fullName);
        writer.Line();
        writer.Line("/// <summary>Reads the object at the reader; <see langword=\"null\"/> for JSON null.</summary>");
        writer.Line($"public static {fullName}? ReadValue(ref {TypeNames.Reader} reader, {TypeNames.ReadContext} context)");
        writer.Open();
        writer.Line($"if (reader.TokenType == {TypeNames.TokenType}.Null)");
        writer.Open().Line("return null;").Close();
        writer.Line();
        writer.Line($"{TypeNames.MediaJson}.ExpectStartObject(ref reader, context);");
        foreach (PropertyModel property in properties)
        {
            writer.Line($"{TypeNames.Of(property.Type, spec.Namespace)}? {Local(property)} = null;");
        }

        writer.Line($"global::System.Collections.Generic.List<{TypeNames.Json}.JsonMember>? unknownMembers = null;");
        writer.Line("string? property = null;");
        writer.Line("try");
        writer.Open();
        writer.Line($"while ({TypeNames.MediaJson}.Advance(ref reader) != {TypeNames.TokenType}.EndObject)");
        writer.Open();
        writer.Line("int index = MatchProperty(ref reader);");
        writer.Line("if (index < 0)");
        writer.Open();
        writer.Line("property = null;");
        writer.Line($"{TypeNames.MediaJson}.ReadUnknownMember(ref reader, context, ref unknownMembers);");
        writer.Line("continue;");
        writer.Close();
        writer.Line();
        writer.Line($"{TypeNames.MediaJson}.Advance(ref reader);");
        writer.Line("switch (index)");
        writer.Open();
        for (int i = 0; i < properties.Count; i++)
        {
            PropertyModel property = properties[i];
            writer.Line($"case {CSharpNames.Number(i)}:");
            writer.Line($"    property = {CSharpNames.Literal(property.JsonName)};");
            string read = ReadExpression(spec, property.Type, "reader", "context", 0);
            writer.Line(property.IsRequired
                ? $"    {Local(property)} = {read} ?? throw {TypeNames.MediaJson}.NullNotAllowed();"
                : $"    {Local(property)} = {read};");
            writer.Line("    break;");
        }

        writer.Close();
        writer.Close();
        writer.Close();
        writer.Line($"catch ({TypeNames.Json}.MediaJsonException exception) when (property is not null)");
        writer.Open();
        writer.Line("throw exception.InProperty(property);");
        writer.Close();
        foreach (PropertyModel property in properties.Where(static property => property.IsRequired))
        {
            writer.Line();
            writer.Line($"if ({Local(property)} is null)");
            writer.Open();
            writer.Line($"throw {TypeNames.MediaJson}.MissingRequired({CSharpNames.Literal(property.JsonName)});");
            writer.Close();
        }

        writer.Line();
        writer.Line($"return new {fullName}");
        writer.Open();
        foreach (PropertyModel property in properties)
        {
            string value = property.IsRequired && property.Type.IsValueType ? Local(property) + ".Value" : Local(property);
            writer.Line($"{property.Name} = {value},");
        }

        writer.Line($"UnknownMembers = {TypeNames.Json}.JsonMembers.From(unknownMembers),");
        writer.Close("};");
        writer.Close();
        writer.Line();
        EmitMatchProperty(writer, properties);
        writer.Line();
        writer.Line("/// <summary>Writes the object: spec members in the spec's order (absent ones omitted), then unknown members as they arrived.</summary>");
        writer.Line($"public static void WriteValue({TypeNames.Writer} writer, {fullName} value)");
        writer.Open();
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.Line("writer.WriteStartObject();");
        foreach (PropertyModel property in properties)
        {
            string local = Local(property);
            if (property.IsRequired)
            {
                writer.Line($"writer.WritePropertyName(s_{CSharpNames.ToLocal(property.Name).TrimStart('@')}Name);");
                writer.Line(WriteStatement(spec, property.Type, "writer", $"value.{property.Name}", 0));
            }
            else
            {
                writer.Line($"if (value.{property.Name} is {{ }} {local})");
                writer.Open();
                writer.Line($"writer.WritePropertyName(s_{CSharpNames.ToLocal(property.Name).TrimStart('@')}Name);");
                writer.Line(WriteStatement(spec, property.Type, "writer", local, 0));
                writer.Close();
                writer.Line();
            }
        }

        writer.Line("value.UnknownMembers?.WriteTo(writer);");
        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    // Exact names compare as constants the JIT unrolls; escaped names and other cases go through the name table.
    private static void EmitMatchProperty(SourceWriter writer, EquatableArray<PropertyModel> properties)
    {
        writer.Line();
        writer.Line("private static int MatchProperty(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.Open();
        if (properties.Count > 0)
        {
            writer.Line("if (!reader.ValueIsEscaped && !reader.HasValueSequence)");
            writer.Open();
            writer.Line("global::System.ReadOnlySpan<byte> name = reader.ValueSpan;");
            writer.Line("int index = name.Length switch");
            writer.Open();
            foreach ((PropertyModel property, int index) in properties.Select(static (property, index) => (property, index))
                .OrderBy(static item => System.Text.Encoding.UTF8.GetByteCount(item.property.JsonName))
                .ThenBy(static item => item.property.JsonName, System.StringComparer.Ordinal))
            {
                string length = CSharpNames.Number(System.Text.Encoding.UTF8.GetByteCount(property.JsonName));
                writer.Line($"{length} when global::System.MemoryExtensions.SequenceEqual(name, {CSharpNames.Utf8Literal(property.JsonName)}) => {CSharpNames.Number(index)},");
            }

            writer.Line("_ => -1,");
            writer.Close("};");
            writer.Line("if (index >= 0)");
            writer.Open().Line("return index;").Close();
            writer.Close();
            writer.Line();
        }

        writer.Line("return s_names.Match(ref reader);");
        writer.Close();
    }

    private static string Local(PropertyModel property) => CSharpNames.ToLocal(property.Name) is var local && local is "reader" or "context" or "property" or "index" or "unknownMembers" or "value" or "writer" or "exception"
        ? local + "Value"
        : local;

    /// <summary>An expression reading the value at the reader as <c>T?</c>.</summary>
    private static string ReadExpression(SpecModel spec, TypeRef type, string reader, string context, int depth) => type.Kind switch
    {
        ValueKind.String => $"{TypeNames.MediaJson}.ReadString(ref {reader}, {context})",
        ValueKind.Int32 => $"{TypeNames.MediaJson}.ReadInt32(ref {reader})",
        ValueKind.Int64 => $"{TypeNames.MediaJson}.ReadInt64(ref {reader})",
        ValueKind.Double => $"{TypeNames.MediaJson}.ReadDouble(ref {reader})",
        ValueKind.Boolean => $"{TypeNames.MediaJson}.ReadBoolean(ref {reader})",
        ValueKind.DateTimeOffset => $"{TypeNames.MediaJson}.ReadDateTimeOffset(ref {reader})",
        ValueKind.Object or ValueKind.Enum => $"{TypeNames.Converter(spec, type.Name!)}.ReadValue(ref {reader}, {context})",
        ValueKind.Json => $"{TypeNames.MediaJson}.ReadRawJsonValue(ref {reader}, {context})",
        _ => $"{TypeNames.MediaJson}.{(type.Kind == ValueKind.Array ? "ReadList" : "ReadMap")}<{TypeNames.Of(type.Element!, spec.Namespace)}>(ref {reader}, {context}, {ItemReader(spec, type.Element!, depth + 1)})",
    };

    private static string ItemReader(SpecModel spec, TypeRef element, int depth)
    {
        string reader = "itemReader" + CSharpNames.Number(depth);
        string context = "itemContext" + CSharpNames.Number(depth);
        return $"static (ref {TypeNames.Reader} {reader}, {TypeNames.ReadContext} {context}) => {ReadExpression(spec, element, reader, context, depth)} ?? throw {TypeNames.MediaJson}.NullNotAllowed()";
    }

    /// <summary>A statement writing a non-null value.</summary>
    private static string WriteStatement(SpecModel spec, TypeRef type, string writer, string value, int depth) => type.Kind switch
    {
        ValueKind.String or ValueKind.DateTimeOffset => $"{writer}.WriteStringValue({value});",
        ValueKind.Int32 or ValueKind.Int64 => $"{writer}.WriteNumberValue({value});",
        ValueKind.Double => $"{TypeNames.MediaJson}.WriteDouble({writer}, {value});",
        ValueKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        ValueKind.Object or ValueKind.Enum => $"{TypeNames.Converter(spec, type.Name!)}.WriteValue({writer}, {value});",
        ValueKind.Json => $"{TypeNames.MediaJson}.WriteRawJsonValue({writer}, {value});",
        _ => $"{TypeNames.MediaJson}.{(type.Kind == ValueKind.Array ? "WriteList" : "WriteMap")}<{TypeNames.Of(type.Element!, spec.Namespace)}>({writer}, {value}, {ItemWriter(spec, type.Element!, depth + 1)});",
    };

    private static string ItemWriter(SpecModel spec, TypeRef element, int depth)
    {
        string writer = "itemWriter" + CSharpNames.Number(depth);
        string item = "item" + CSharpNames.Number(depth);
        return $"static ({writer}, {item}) => {{ {WriteStatement(spec, element, writer, item, depth)} }}";
    }
}
