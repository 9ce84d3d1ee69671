using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>Emits one data type: a record with init-only properties, XML docs from the spec.</summary>
internal static class TypeEmitter
{
    public static string Emit(SpecModel spec, TypeModel type)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        writer.Summary(type.Description, $"The <c>{CSharpNames.XmlText(type.DefinitionName ?? type.Name)}</c> definition of the spec.");
        if (type.DiscriminatorValue is not null)
        {
            writer.Line($"/// <remarks>Read from objects whose discriminator is <c>{CSharpNames.XmlText(type.DiscriminatorValue)}</c>.</remarks>");
        }
        else if (type.Polymorphism is { } polymorphism)
        {
            writer.Line($"/// <remarks>The <c>{CSharpNames.XmlText(polymorphism.PropertyJsonName)}</c> member chooses the subtype, wherever it appears in the object; a value the spec does not list gives <see cref=\"{polymorphism.FallbackName}\"/>.</remarks>");
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
            writer.Summary(property.Description, $"The <c>{CSharpNames.XmlText(property.JsonName)}</c> member.");
            if (property.IsRequired)
            {
                writer.Line("/// <remarks>Required by the spec: an object without it fails to read.</remarks>");
            }
            else
            {
                writer.Line("/// <remarks><see langword=\"null\"/> when the service did not send it.</remarks>");
            }

            string typeName = TypeNames.Of(property.Type, spec.Namespace);
            writer.Line(property.IsRequired
                ? $"public required {typeName} {property.Name} {{ get; init; }}"
                : $"public {typeName}? {property.Name} {{ get; init; }}");
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
        return GeneratedCode.EndFile(writer);
    }
}
