using System.Linq;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>Emits the event catalogue: each event type name as a constant, bound to its data type.</summary>
internal static class CatalogEmitter
{
    public static string Emit(SpecModel spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        writer.Line("/// <summary>");
        writer.Line("/// The event types of the spec: each name as a constant, and each bound to its data type in");
        writer.Line($"/// <see cref=\"Catalog\"/>, which <see cref=\"{spec.Names.Dispatcher}\"/> reads with.");
        writer.Line("/// </summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line($"{spec.Accessibility} static partial class {spec.Names.Catalog}");
        writer.Open();
        foreach (EventModel model in spec.Events)
        {
            writer.Line($"/// <summary>The <c>{model.EventType}</c> event type; its data is <see cref=\"global::{spec.Namespace}.{model.DataTypeName}\"/>.</summary>");
            writer.Line($"public const string {model.Name} = {CSharpNames.Literal(model.EventType)};");
            writer.Line();
        }

        foreach (EventModel model in spec.Events)
        {
            string dataType = $"global::{spec.Namespace}.{model.DataTypeName}";
            string converter = TypeNames.Converter(spec, model.DataTypeName);
            writer.Line($"/// <summary>The catalogue entry of <c>{model.EventType}</c>.</summary>");
            writer.Line($"public static {TypeNames.Runtime}.MediaEventType<{dataType}> {model.Name}Type {{ get; }} =");
            writer.Line($"    new {TypeNames.Runtime}.MediaEventType<{dataType}>({model.Name}, {converter}.ReadValue, {converter}.WriteValue);");
            writer.Line();
        }

        writer.Line("/// <summary>Every event type of the spec; an entry's ordinal is its position in this list.</summary>");
        writer.Line($"public static {TypeNames.Runtime}.MediaEventCatalog Catalog {{ get; }} = new {TypeNames.Runtime}.MediaEventCatalog(");
        writer.Wrapped("    ", spec.Events.Select(static model => model.Name + "Type"), ", ", ");");

        writer.Close();
        return GeneratedCode.EndFile(writer);
    }
}
