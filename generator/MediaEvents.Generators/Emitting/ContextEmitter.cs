using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>
/// Emits the serializer context: a metadata property per type, and a resolver that is a table of the generated
/// converters (the runtime makes each type's metadata from its converter, without reflection).
/// </summary>
internal static class ContextEmitter
{
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";

    public static string Emit(SpecModel spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        string context = spec.Names.Context;
        writer.Block($$"""
            /// <summary>
            /// System.Text.Json metadata for every type of the spec, built on the generated converters: AOT- and
            /// trim-safe, tolerant when reading (numbers where the spec says string, integers in strings, property
            /// names in any case), and keeping members the spec does not define.
            /// </summary>
            {{GeneratedCode.Attribute}}
            {{spec.Accessibility}} sealed partial class {{context}} : {{TypeNames.StjSerialization}}.JsonSerializerContext, {{Metadata}}.IJsonTypeInfoResolver
            {
                private static readonly {{Options}} s_defaultOptions = new {{Options}}();

                // The converter of each type: the resolver's table.
                private static readonly {{TypeNames.StjSerialization}}.JsonConverter[] s_converters =
                {
            """);
        writer.Indent().Indent();
        foreach ((string name, bool isEnum) in Types(spec))
        {
            string fullName = $"global::{spec.Namespace}.{name}";
            writer.Line(isEnum ? $"new {TypeNames.Json}.MediaJsonEnumConverter<{fullName}>()," : $"new {name}Converter(),");
        }

        writer.Close("};");
        writer.Block($$"""

            /// <summary>Creates a context with its own default options.</summary>
            public {{context}}()
                : base(null)
            {
            }

            /// <summary>Creates a context bound to <paramref name="options"/> (which it then resolves types for).</summary>
            /// <param name="options">The options to bind to.</param>
            public {{context}}({{Options}} options)
                : base(options)
            {
            }

            /// <summary>The shared default instance.</summary>
            public static {{context}} Default { get; } = new {{context}}(new {{Options}}(s_defaultOptions));

            /// <summary>
            /// Whether a member that appears more than once in one JSON object is accepted, its last value winning,
            /// as <c>MediaEventReaderOptions.AllowDuplicateMembers</c> does for the event reader. By default such an
            /// object fails to read, naming the path of the repeated member. Set it where the context is made, before
            /// it is used: <c>JsonSerializerOptions.AllowDuplicateProperties</c> is not consulted.
            /// </summary>
            public bool AllowDuplicateMembers { get; init; }

            /// <inheritdoc />
            protected override {{Options}}? GeneratedSerializerOptions => s_defaultOptions;
            """);
        foreach ((string name, _) in Types(spec))
        {
            string fullName = $"global::{spec.Namespace}.{name}";
            writer.Line();
            writer.Line($"/// <summary>Metadata for <see cref=\"{fullName}\"/>.</summary>");
            writer.Line($"public {Metadata}.JsonTypeInfo<{fullName}> {name} => GetTypeInfo<{fullName}>();");
        }

        writer.Block($$"""

            /// <inheritdoc />
            public override {{Metadata}}.JsonTypeInfo? GetTypeInfo(global::System.Type type)
            {
                Options.TryGetTypeInfo(type, out {{Metadata}}.JsonTypeInfo? typeInfo);
                return typeInfo;
            }

            {{Metadata}}.JsonTypeInfo? {{Metadata}}.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {{Options}} options) =>
                {{TypeNames.MediaJson}}.CreateTypeInfo(type, options, s_converters, AllowDuplicateMembers);

            // The options cache each type's metadata: one instance per type and context.
            private {{Metadata}}.JsonTypeInfo<T> GetTypeInfo<T>() => ({{Metadata}}.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
            """);
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }

    // Every type and enum, ordinal-sorted by name.
    private static IEnumerable<(string Name, bool IsEnum)> Types(SpecModel spec) => spec.Types
        .Select(static type => (type.Name, false))
        .Concat(spec.Enums.Select(static model => (model.Name, true)))
        .OrderBy(static item => item.Item1, System.StringComparer.Ordinal);
}
