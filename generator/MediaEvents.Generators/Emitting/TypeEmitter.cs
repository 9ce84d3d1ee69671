using System.Linq;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>
/// Emits one data type's file: a record with init-only properties and XML docs from the spec, then its converter
/// (<see cref="JsonEmitter"/>). A list or map member keeps what it is given as a <c>ValueList</c> or <c>ValueMap</c>,
/// so that a record compares by content whatever collection it was built with; a subtype sets the discriminator
/// member of its base itself.
/// </summary>
internal static class TypeEmitter
{
    public static string Emit(SpecModel spec, TypeModel type)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        writer.Summary(type.Description, $"The <c>{CSharpNames.XmlText(type.DefinitionName ?? type.Name)}</c> definition of the spec.");
        string? remarks = type.DiscriminatorValue is not null
            ? $"Read from objects whose discriminator is <c>{CSharpNames.XmlText(type.DiscriminatorValue)}</c>."
            : type.Polymorphism is { } polymorphism
                ? $"The <c>{CSharpNames.XmlText(polymorphism.PropertyJsonName)}</c> member chooses the subtype, wherever it appears in the object; a value the spec does not list gives <see cref=\"{polymorphism.FallbackName}\"/>."
                : null;

        // Said once for the type rather than on each member.
        if (type.OwnProperties.Any(static property => !property.IsRequired))
        {
            remarks = (remarks is null ? string.Empty : remarks + " ") + "A member is <see langword=\"null\"/> when the service did not send it.";
        }

        if (type.OwnProperties.Any(static property => property.Type.Kind is ValueKind.Array or ValueKind.Map))
        {
            remarks = (remarks is null ? string.Empty : remarks + " ") + "Lists and maps compare by content, whatever collection they were set with.";
        }

        if (remarks is not null)
        {
            writer.Line($"/// <remarks>{remarks}</remarks>");
        }

        writer.Line(GeneratedCode.Attribute);
        writer.Line($"[{TypeNames.StjSerialization}.JsonConverter(typeof({TypeNames.Converter(spec, type.Name)}))]");
        string modifier = type.IsAbstract ? "abstract " : type.HasDerivedTypes ? string.Empty : "sealed ";
        string baseList = type.BaseName is null ? string.Empty : $" : global::{spec.Namespace}.{type.BaseName}";
        writer.Line($"{spec.Accessibility} {modifier}partial record {type.Name}{baseList}");
        writer.Open();
        bool first = true;
        foreach (PropertyModel property in type.OwnProperties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitProperty(spec, writer, type, property);
        }

        if (type.Discriminator is { } discriminator)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitDiscriminatorOverride(spec, writer, type, discriminator);
        }

        if (type.BaseName is null)
        {
            if (!first)
            {
                writer.Line();
            }

            writer.Line("/// <summary>Members the spec does not define, kept as they arrived and written back unchanged.</summary>");
            writer.Line($"public {TypeNames.Json}.JsonMembers? UnknownMembers {{ get; init; }}");
        }

        writer.Close();

        // The converter shares the file: one header and namespace for a type and its converter.
        writer.Line();
        JsonEmitter.WriteConverter(writer, spec, type);
        return GeneratedCode.EndFile(writer);
    }

    private static void EmitProperty(SpecModel spec, SourceWriter writer, TypeModel type, PropertyModel property)
    {
        writer.Summary(property.Description, $"The <c>{CSharpNames.XmlText(property.JsonName)}</c> member.");
        string typeName = TypeNames.Of(property.Type, spec.Namespace);
        string declared = property.IsRequired ? typeName : typeName + "?";

        // The root's discriminator: each subtype sets it to the value it stands for.
        if (type.Polymorphism is { } polymorphism && type.BaseName is null && property.JsonName == polymorphism.PropertyJsonName)
        {
            writer.Line($"/// <remarks>Each subtype sets it to the value it stands for; <see cref=\"{polymorphism.FallbackName}\"/> keeps the value read.</remarks>");
            writer.Line($"public abstract {declared} {property.Name} {{ get; init; }}");
            return;
        }

        if (property.IsRequired)
        {
            writer.Line("/// <remarks>Required by the spec: an object without it fails to read.</remarks>");
        }

        string required = property.IsRequired ? "required " : string.Empty;
        if (property.Type.Kind is not (ValueKind.Array or ValueKind.Map))
        {
            writer.Line($"public {required}{declared} {property.Name} {{ get; init; }}");
            return;
        }

        // A list or map is kept as a ValueList or ValueMap (the same instance when it is one, as read from JSON).
        string field = "_" + CSharpNames.ToLocal(property.Name).TrimStart('@');
        string get = property.IsRequired ? field + "!" : field;
        writer.Line($"public {required}{declared} {property.Name} {{ get => {get}; init => {field} = {ValueOf(property.Type, "value", 1)}; }}");
        writer.Line($"private readonly {StoredType(property.Type, spec.Namespace)}? {field};");
    }

    // A subtype's discriminator: its own value, or (the fallback) the value read.
    private static void EmitDiscriminatorOverride(SpecModel spec, SourceWriter writer, TypeModel type, DiscriminatorMember discriminator)
    {
        PropertyModel property = discriminator.Property;
        string typeName = TypeNames.Of(property.Type, spec.Namespace) + (property.IsRequired ? string.Empty : "?");
        string jsonName = CSharpNames.XmlText(property.JsonName);
        if (type.IsFallback)
        {
            writer.Line($"/// <summary>The <c>{jsonName}</c> value: one that none of the spec's subtypes stands for (a value one does stand for reads back as that subtype).</summary>");
            writer.Line($"public override {(property.IsRequired ? "required " : string.Empty)}{typeName} {property.Name} {{ get; init; }}");
            return;
        }

        string literal = CSharpNames.Literal(type.DiscriminatorValue!);
        writer.Line($"/// <summary>The <c>{jsonName}</c> member: always <c>{CSharpNames.XmlText(type.DiscriminatorValue!)}</c>, set by the type itself.</summary>");
        writer.Line($"/// <remarks>Setting another value throws <see cref=\"global::System.ArgumentException\"/>: an object of another kind is another type (<see cref=\"{discriminator.FallbackName}\"/> for a kind the spec does not list).</remarks>");
        writer.Line($"public override {typeName} {property.Name} {{ get => {literal}; init => {TypeNames.MediaJson}.ExpectDiscriminator(value, {literal}, {CSharpNames.Literal(type.Name + "." + property.Name)}, {CSharpNames.Literal(discriminator.FallbackName)}); }}");
    }

    /// <summary>The expression that keeps a list or map as a ValueList or ValueMap, its lists and maps too.</summary>
    private static string ValueOf(TypeRef type, string value, int depth)
    {
        string factory = type.Kind == ValueKind.Array ? "ValueList" : "ValueMap";
        if (type.Element!.Kind is not (ValueKind.Array or ValueKind.Map))
        {
            return $"{TypeNames.Json}.{factory}.From({value})";
        }

        string item = "item" + CSharpNames.Number(depth);
        return $"{TypeNames.Json}.{factory}.From({value}, static {item} => {ValueOf(type.Element, item, depth + 1)})";
    }

    /// <summary>The field type of a list or map member.</summary>
    private static string StoredType(TypeRef type, string @namespace) =>
        $"{TypeNames.Json}.{(type.Kind == ValueKind.Array ? "ValueList" : "ValueMap")}<{TypeNames.Of(type.Element!, @namespace)}>";
}
