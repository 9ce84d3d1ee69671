using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>
/// Emits one converter per object type, nested in the serializer context. The member loop, the failure paths and
/// the System.Text.Json overrides live in the runtime (<c>MediaJson.ReadObject</c>, <c>MediaJsonConverter&lt;T&gt;</c>);
/// a converter holds what is the type's own: its member names, a <c>Members</c> struct that reads each member, and
/// the writer. A derived type's struct holds its base's and hands it the inherited members, and its writer calls
/// its base's, so a member is read and written by the code of the type that declares it.
/// </summary>
/// <remarks>
/// Inside the context, sibling converters are named without qualification: they are nested types of the same class,
/// and no member of a converter is named like one (they all end in <c>Converter</c>).
/// </remarks>
internal static class JsonEmitter
{
    // The runtime's member loop calls these once a member: inlined there, they cost what the loop did when it was generated.
    private const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    private const string AggressiveInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    /// <summary>Writes the converter of <paramref name="type"/>, nested in the context, into the type's file.</summary>
    public static void WriteConverter(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var layout = new ReadingLayout(spec, type);
        string fullName = $"global::{spec.Namespace}.{type.Name}";
        writer.Block($$"""
            {{spec.Accessibility}} sealed partial class {{spec.Names.Context}}
            {
                /// <summary>Reads and writes <see cref="{{fullName}}"/> with <see cref="{{TypeNames.Reader}}"/> directly.</summary>
                {{GeneratedCode.Attribute}}
                [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                public sealed class {{type.Name}}Converter : {{TypeNames.Json}}.MediaJsonConverter<{{fullName}}>
                {
            """);
        writer.Indent().Indent();
        if (type.Polymorphism is { } polymorphism)
        {
            writer.Line($"private static readonly {TypeNames.Json}.MediaJsonPropertyNames s_discriminator = new({CSharpNames.Literal(polymorphism.PropertyJsonName)});");
            writer.Line();
        }

        writer.Line("/// <summary>Creates the converter.</summary>");
        writer.Line($"public {type.Name}Converter() : base(ReadValue, WriteValue) {{ }}");
        writer.Line();
        if (type.Polymorphism is { } subtypes)
        {
            EmitPolymorphicReadValue(writer, subtypes, fullName);
            writer.Line();
            EmitPolymorphicWriteValue(spec, writer, subtypes, fullName);
        }
        else
        {
            writer.Block($$"""
                /// <summary>Reads the object at the reader; <see langword="null"/> for JSON null.</summary>
                public static {{fullName}}? ReadValue(ref {{TypeNames.Reader}} reader, {{TypeNames.ReadContext}} context) =>
                    ({{fullName}}?){{TypeNames.MediaJson}}.ReadObject<Members>(ref reader, context);

                /// <summary>Writes the object: spec members in the spec's order (absent ones omitted), then unknown members as they arrived.</summary>
                public static void WriteValue({{TypeNames.Writer}} writer, {{fullName}} value) =>
                    {{TypeNames.MediaJson}}.WriteObject(writer, value, value?.UnknownMembers, WriteMembers);
                """);
        }

        writer.Line();
        EmitWriteMembers(writer, layout, fullName);
        writer.Line();
        EmitMembers(spec, writer, type, layout, fullName);
        writer.Close();
        writer.Close();
    }

    private static string Names(EquatableArray<PropertyModel> properties) =>
        string.Join(", ", properties.Select(static property => CSharpNames.Literal(property.JsonName)));

    private static void EmitPolymorphicReadValue(SourceWriter writer, Polymorphism polymorphism, string fullName)
    {
        writer.Block($$"""
            /// <summary>Reads the subtype that <c>{{CSharpNames.XmlText(polymorphism.PropertyJsonName)}}</c> names, wherever it sits in the object; <see langword="null"/> for JSON null.</summary>
            public static {{fullName}}? ReadValue(ref {{TypeNames.Reader}} reader, {{TypeNames.ReadContext}} context)
            {
                if (reader.TokenType == {{TypeNames.TokenType}}.Null)
                {
                    return null;
                }

                {{TypeNames.MediaJson}}.ExpectStartObject(ref reader, context);
                return {{TypeNames.MediaJson}}.PeekDiscriminator(ref reader, s_discriminator, context) switch
                {
            """);
        writer.Indent().Indent();
        foreach (Subtype subtype in polymorphism.Subtypes)
        {
            writer.Line($"{CSharpNames.Literal(subtype.Value)} => {subtype.Name}Converter.ReadValue(ref reader, context),");
        }

        writer.Line($"_ => {polymorphism.FallbackName}Converter.ReadValue(ref reader, context),");
        writer.Close("};");
        writer.Close();
    }

    private static void EmitPolymorphicWriteValue(SpecModel spec, SourceWriter writer, Polymorphism polymorphism, string fullName)
    {
        writer.Block($$"""
            /// <summary>Writes the value through its subtype's writer.</summary>
            public static void WriteValue({{TypeNames.Writer}} writer, {{fullName}} value)
            {
                switch (value)
                {
            """);
        writer.Indent().Indent();
        // A subtype's case before its base's (the first case that matches wins, and a base's matches its subtypes).
        IEnumerable<string> subtypes = polymorphism.Subtypes.Select(static subtype => subtype.Name).OrderByDescending(name => Depth(spec, name));
        foreach (string name in subtypes.Append(polymorphism.FallbackName))
        {
            writer.Line($"case global::{spec.Namespace}.{name} item:");
            writer.Line($"    {name}Converter.WriteValue(writer, item);");
            writer.Line("    break;");
        }

        writer.Line("default:");
        writer.Line("    throw new global::System.NotSupportedException($\"Cannot write {value.GetType()}: only the subtypes generated from the spec can be written.\");");
        writer.Close();
        writer.Close();
    }

    // How many bases a type has among the spec's types.
    private static int Depth(SpecModel spec, string name)
    {
        int depth = 0;
        for (string? current = name; spec.Types.FirstOrDefault(type => type.Name == current)?.BaseName is { } baseName && depth < spec.Types.Count; current = baseName)
        {
            depth++;
        }

        return depth;
    }

    // Members in the spec's order: the base's (by its own writer), then this type's.
    private static void EmitWriteMembers(SourceWriter writer, ReadingLayout layout, string fullName)
    {
        writer.Line($"internal static void WriteMembers({TypeNames.Writer} writer, {fullName} value)");
        writer.Open();
        if (layout.Base is { } baseType)
        {
            writer.Line($"{baseType.Name}Converter.WriteMembers(writer, value);");
        }

        foreach (PropertyModel property in layout.Own)
        {
            string name = $"Members.Names.Encoded(Members.{MemberConstant(property)})";
            if (property.IsRequired)
            {
                writer.Line($"writer.WritePropertyName({name});");
                writer.Line(WriteStatement(property.Type, "writer", $"value.{property.Name}", 0));
                continue;
            }

            string call = property.Type.Kind switch
            {
                ValueKind.Object => $"WriteMember(writer, {name}, value.{property.Name}, {property.Type.Name}Converter.WriteValue);",
                ValueKind.Array => $"WriteList(writer, {name}, value.{property.Name}, {ItemWriter(property.Type.Element!, 1)});",
                ValueKind.Map => $"WriteMap(writer, {name}, value.{property.Name}, {ItemWriter(property.Type.Element!, 1)});",
                _ => $"WriteMember(writer, {name}, value.{property.Name});",
            };
            writer.Line($"{TypeNames.MediaJson}.{call}");
        }

        writer.Close();
    }

    private static void EmitMembers(SpecModel spec, SourceWriter writer, TypeModel type, ReadingLayout layout, string fullName)
    {
        writer.Line(type.IsAbstract
            ? $"internal struct Members : {TypeNames.Json}.IMediaJsonMembers"
            : $"internal struct Members : {TypeNames.Json}.IMediaJsonObject");
        writer.Open();
        if (layout.Own.Count > 0)
        {
            // Each member's index in Names, by name: a few to a line.
            writer.Wrapped("internal const int ", layout.Own.Select((property, i) => $"{MemberConstant(property)} = {CSharpNames.Number(layout.FirstOwnIndex + i)}"), ", ", ";");
            writer.Line();
        }

        if (layout.Base is { } baseType)
        {
            writer.Line($"internal {baseType.Name}Converter.Members Base;");
        }

        foreach (PropertyModel property in layout.Own)
        {
            writer.Line($"internal {TypeNames.Of(property.Type, spec.Namespace)}? {Field(property)};");
        }

        writer.Line();
        writer.Line($"public static {TypeNames.Json}.MediaJsonPropertyNames Names {{ get; }} = new({Names(type.AllProperties)});");
        writer.Line();
        EmitMatchExact(writer, type, layout);
        writer.Line();
        EmitReadMember(spec, writer, layout);
        if (!type.IsAbstract)
        {
            writer.Line();
            EmitCreate(spec, writer, type, layout, fullName);
        }

        writer.Close();
    }

    // Required members are checked in the spec's order, so the first one missing is the one reported.
    private static void EmitCreate(SpecModel spec, SourceWriter writer, TypeModel type, ReadingLayout layout, string fullName)
    {
        writer.Line(AggressiveInlining);
        writer.Line($"public readonly object Create({TypeNames.Json}.JsonMembers? unknownMembers) => new {fullName}");
        writer.Open();
        foreach ((PropertyModel property, string path) in layout.Paths(string.Empty))
        {
            // A subtype's discriminator is its own: the value read chose the subtype (only the fallback keeps it).
            if (type.Discriminator is { } discriminator && !type.IsFallback && property.JsonName == discriminator.Property.JsonName)
            {
                continue;
            }

            writer.Line(property.IsRequired
                ? $"{property.Name} = {path} ?? {TypeNames.MediaJson}.MissingRequired<{TypeNames.Of(property.Type, spec.Namespace)}>({CSharpNames.Literal(property.JsonName)}),"
                : $"{property.Name} = {path},");
        }

        writer.Line("UnknownMembers = unknownMembers,");
        writer.Close("};");
    }

    // Exact names compare as constants the JIT unrolls; other spellings go through the name table (MediaJson.ReadObject).
    // MatchExact is one call a member, not inlined into the loop (which then runs slower); inside it, each type's own
    // names (MatchOwn, for a type with derived types) are inlined, so an inherited name costs no second call.
    private static void EmitMatchExact(SourceWriter writer, TypeModel type, ReadingLayout layout)
    {
        List<string> ancestors = layout.Ancestors().Select(static ancestor => $"{ancestor.Name}Converter.Members.MatchOwn(name)").ToList();
        string inherited = ancestors.Count switch
        {
            0 => "-1",
            1 => ancestors[0],
            _ => "global::System.Math.Max(" + string.Join(", ", ancestors) + ")",
        };
        if (type.HasDerivedTypes)
        {
            writer.Line(NoInlining);
            writer.Line($"public static int MatchExact(global::System.ReadOnlySpan<byte> name) => {(ancestors.Count == 0 ? "MatchOwn(name)" : $"global::System.Math.Max(MatchOwn(name), {inherited})")};");
            writer.Line();
            writer.Line(AggressiveInlining);
            EmitNameSwitch(writer, "internal static int MatchOwn", layout, "-1");
            return;
        }

        writer.Line(NoInlining);
        EmitNameSwitch(writer, "public static int MatchExact", layout, inherited);
    }

    private static void EmitNameSwitch(SourceWriter writer, string declaration, ReadingLayout layout, string otherwise)
    {
        if (layout.Own.Count == 0)
        {
            writer.Line($"{declaration}(global::System.ReadOnlySpan<byte> name) => {otherwise};");
            return;
        }

        writer.Line($"{declaration}(global::System.ReadOnlySpan<byte> name) => name.Length switch");
        writer.Open();
        foreach (PropertyModel property in layout.Own
            .OrderBy(static property => System.Text.Encoding.UTF8.GetByteCount(property.JsonName))
            .ThenBy(static property => property.JsonName, System.StringComparer.Ordinal))
        {
            string length = CSharpNames.Number(System.Text.Encoding.UTF8.GetByteCount(property.JsonName));
            writer.Line($"{length} when global::System.MemoryExtensions.SequenceEqual(name, {CSharpNames.Utf8Literal(property.JsonName)}) => {MemberConstant(property)},");
        }

        writer.Line($"_ => {otherwise},");
        writer.Close("};");
    }

    private static void EmitReadMember(SpecModel spec, SourceWriter writer, ReadingLayout layout)
    {
        writer.Line(AggressiveInlining);
        writer.Line($"public void ReadMember(int member, ref {TypeNames.Reader} reader, {TypeNames.ReadContext} context)");
        writer.Open();
        if (layout.Own.Count == 0)
        {
            if (layout.Base is not null)
            {
                writer.Line("Base.ReadMember(member, ref reader, context);");
            }

            writer.Close();
            return;
        }

        writer.Line("switch (member)");
        writer.Open();
        foreach (PropertyModel property in layout.Own)
        {
            string read = ReadExpression(spec, property.Type, "reader", "context", 0);
            writer.Line($"case {MemberConstant(property)}:");
            writer.Line(property.IsRequired
                ? $"    {Field(property)} = {read} ?? {TypeNames.MediaJson}.NullNotAllowed<{TypeNames.Of(property.Type, spec.Namespace)}>(ref reader);"
                : $"    {Field(property)} = {read};");
            writer.Line("    break;");
        }

        if (layout.Base is not null)
        {
            writer.Line("default:");
            writer.Line("    Base.ReadMember(member, ref reader, context);");
            writer.Line("    break;");
        }

        writer.Close();
        writer.Close();
    }

    // A member's index, named like it: never like the struct or its other PascalCase members.
    private static string MemberConstant(PropertyModel property) => property.Name is "Members" or "Base" or "Names" or "MatchExact" or "ReadMember"
        ? property.Name + "Member"
        : property.Name;

    // The struct's field for a member, camelCase: never the name of the struct's PascalCase members or of a parameter.
    private static string Field(PropertyModel property) =>
        CSharpNames.ToLocal(property.Name) is var local && (local is "reader" or "context" or "member" or "unknownMembers" || local == MemberConstant(property))
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
        ValueKind.Object => $"{type.Name}Converter.ReadValue(ref {reader}, {context})",
        ValueKind.Enum => $"{TypeNames.MediaJson}.ReadEnum<global::{spec.Namespace}.{type.Name}>(ref {reader})",
        ValueKind.Json => $"{TypeNames.MediaJson}.ReadRawJsonValue(ref {reader}, {context})",
        _ when type.Element!.Kind == ValueKind.Object =>
            $"{TypeNames.MediaJson}.{(type.Kind == ValueKind.Array ? "ReadObjectList" : "ReadObjectMap")}(ref {reader}, {context}, {type.Element.Name}Converter.ReadValue)",
        _ => $"{TypeNames.MediaJson}.{(type.Kind == ValueKind.Array ? "ReadList" : "ReadMap")}<{TypeNames.Of(type.Element!, spec.Namespace)}>(ref {reader}, {context}, {ItemReader(spec, type.Element!, depth + 1)})",
    };

    private static string ItemReader(SpecModel spec, TypeRef element, int depth)
    {
        string reader = "itemReader" + CSharpNames.Number(depth);
        string context = "itemContext" + CSharpNames.Number(depth);
        return $"static (ref {TypeNames.Reader} {reader}, {TypeNames.ReadContext} {context}) => {ReadExpression(spec, element, reader, context, depth)} ?? {TypeNames.MediaJson}.NullNotAllowed<{TypeNames.Of(element, spec.Namespace)}>(ref {reader})";
    }

    /// <summary>A statement writing a non-null value.</summary>
    private static string WriteStatement(TypeRef type, string writer, string value, int depth) => type.Kind switch
    {
        ValueKind.String or ValueKind.DateTimeOffset => $"{writer}.WriteStringValue({value});",
        ValueKind.Int32 or ValueKind.Int64 => $"{writer}.WriteNumberValue({value});",
        ValueKind.Double => $"{TypeNames.MediaJson}.WriteDouble({writer}, {value});",
        ValueKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        ValueKind.Object => $"{type.Name}Converter.WriteValue({writer}, {value});",
        ValueKind.Enum => $"{writer}.WriteStringValue({value}.Value);",
        ValueKind.Json => $"{TypeNames.MediaJson}.WriteRawJsonValue({writer}, {value});",
        _ => $"{TypeNames.MediaJson}.{(type.Kind == ValueKind.Array ? "WriteList" : "WriteMap")}({writer}, {value}, {ItemWriter(type.Element!, depth + 1)});",
    };

    private static string ItemWriter(TypeRef element, int depth)
    {
        if (element.Kind == ValueKind.Object)
        {
            return $"{element.Name}Converter.WriteValue";
        }

        string writer = "itemWriter" + CSharpNames.Number(depth);
        string item = "item" + CSharpNames.Number(depth);
        return $"static ({writer}, {item}) => {WriteStatement(element, writer, item, depth).TrimEnd(';')}";
    }

    /// <summary>
    /// How a type's members are read: by its base's <c>Members</c> for the inherited ones when the base's members
    /// are exactly the first of its own (as allOf gives them), and by its own struct for the rest.
    /// </summary>
    private sealed class ReadingLayout
    {
        // Each spec's types by name, made once per spec rather than searched once per type and level.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SpecModel, Dictionary<string, TypeModel>> s_typesByName = new();

        private readonly SpecModel _spec;

        public ReadingLayout(SpecModel spec, TypeModel type)
        {
            _spec = spec;
            Dictionary<string, TypeModel> types = s_typesByName.GetValue(spec, static spec => spec.Types.GroupBy(static candidate => candidate.Name).ToDictionary(static group => group.Key, static group => group.First()));
            Base = type.BaseName is { } baseName && types.TryGetValue(baseName, out TypeModel? found) && StartsWith(type.AllProperties, found.AllProperties)
                ? found
                : null;
            FirstOwnIndex = Base?.AllProperties.Count ?? 0;
            Own = type.AllProperties.Skip(FirstOwnIndex).ToList();
        }

        /// <summary>The base whose struct reads the inherited members, if any.</summary>
        public TypeModel? Base { get; }

        /// <summary>The members this type's struct reads itself.</summary>
        public IReadOnlyList<PropertyModel> Own { get; }

        /// <summary>The index of the first of <see cref="Own"/> among all the type's members.</summary>
        public int FirstOwnIndex { get; }

        /// <summary>The bases whose structs read inherited members, nearest first.</summary>
        public IEnumerable<TypeModel> Ancestors()
        {
            for (ReadingLayout? level = this; level.Base is not null; level = new ReadingLayout(_spec, level.Base))
            {
                yield return level.Base;
            }
        }

        /// <summary>Every member with the expression of its value inside the struct (<paramref name="prefix"/> for a base's).</summary>
        public IEnumerable<(PropertyModel Property, string Path)> Paths(string prefix)
        {
            if (Base is not null)
            {
                foreach ((PropertyModel, string) inherited in new ReadingLayout(_spec, Base).Paths(prefix + "Base."))
                {
                    yield return inherited;
                }
            }

            foreach (PropertyModel property in Own)
            {
                yield return (property, prefix + Field(property));
            }
        }

        private static bool StartsWith(EquatableArray<PropertyModel> all, EquatableArray<PropertyModel> prefix) =>
            prefix.Count <= all.Count && prefix.Select(static (property, index) => (property, index)).All(item => Equals(all[item.index], item.property));
    }
}
