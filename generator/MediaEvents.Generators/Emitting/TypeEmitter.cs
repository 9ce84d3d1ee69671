using System.Linq;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>
/// Emits one data type's file: a record with init-only properties and XML docs from the spec, then its converter
/// (<see cref="JsonEmitter"/>).
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
            writer.Summary(property.Description, $"The <c>{CSharpNames.XmlText(property.JsonName)}</c> member.");
            if (property.IsRequired)
            {
                writer.Line("/// <remarks>Required by the spec: an object without it fails to read.</remarks>");
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

        // The converter shares the file: one header and namespace for a type and its converter.
        writer.Line();
        JsonEmitter.WriteConverter(writer, spec, type);
        return GeneratedCode.EndFile(writer);
    }
}
