using System.Linq;
using MediaEvents.Generators.Emitting;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MediaEvents.Generators.Tests.Emitting;

/// <summary>Each emitter on a hand-built model, one snapshot per part; and everything they emit compiles cleanly.</summary>
public sealed class EmitterTests
{
    [Fact]
    public void Converter_of_a_base_reads_and_writes_its_members()
    {
        Snapshot.Verify("Emitting.JsonEmitter.Base", Converter("PetEventData"));
    }

    [Fact]
    public void Converter_of_a_derived_type_hands_inherited_members_to_its_base()
    {
        string source = Converter("PetFedEventData");

        Snapshot.Verify("Emitting.JsonEmitter.Derived", source);
        Assert.Contains("internal PetEventDataConverter.Members Base;", source);
        Assert.Contains("PetEventDataConverter.WriteMembers(writer, value);", source);
        Assert.DoesNotContain("\"name\"u8", source);
    }

    [Fact]
    public void Enum_is_a_struct_the_runtime_converts()
    {
        Snapshot.Verify("Emitting.EnumEmitter", EnumEmitter.Emit(EmitterModels.Pets, EmitterModels.Pets.Enums[0]));
    }

    [Fact]
    public void Context_is_a_table_of_converters()
    {
        Snapshot.Verify("Emitting.ContextEmitter", ContextEmitter.Emit(EmitterModels.Pets));
    }

    [Fact]
    public void Record_says_once_that_absent_members_are_null()
    {
        Snapshot.Verify("Emitting.TypeEmitter", TypeEmitter.Emit(EmitterModels.Pets, EmitterModels.TypeNamed("PetFedEventData")));
    }

    [Fact]
    public void Dispatcher_switches_on_named_ordinals()
    {
        string source = VisitorEmitter.EmitDispatcher(EmitterModels.Pets);

        Assert.Contains("case EventOrdinal.Fed:", source);
        Assert.Contains("public const int Walked = 1;", source);
        Assert.DoesNotContain("case 0:", source);
    }

    [Fact]
    public void Async_visitor_has_a_ValueTask_method_per_event_taking_a_token()
    {
        string source = AsyncVisitorEmitter.EmitInterface(EmitterModels.Pets);

        Snapshot.Verify("Emitting.AsyncVisitorEmitter.Interface", source);
        Assert.Contains("public partial interface IPetEventAsyncVisitor", source);
        Assert.Contains("global::System.Threading.Tasks.ValueTask VisitFedAsync(global::MediaEvents.MediaEvent<global::Contoso.Pets.PetFedEventData> mediaEvent, global::System.Threading.CancellationToken cancellationToken);", source);
    }

    [Fact]
    public void Non_exhaustive_async_visitor_passes_what_is_not_overridden_to_VisitOtherAsync()
    {
        Snapshot.Verify("Emitting.AsyncVisitorEmitter.BaseClass", AsyncVisitorEmitter.EmitBaseClass(EmitterModels.Pets));
    }

    [Fact]
    public void Async_dispatcher_is_a_part_of_the_dispatcher_that_returns_each_method_s_task()
    {
        string source = AsyncVisitorEmitter.EmitDispatcher(EmitterModels.Pets);

        Snapshot.Verify("Emitting.AsyncVisitorEmitter.Dispatcher", source);
        Assert.Contains("public static partial class PetEventDispatcher", source);
        Assert.Contains("case EventOrdinal.Walked:\n                        return visitor.VisitWalkedAsync(", source);
        Assert.DoesNotContain("GeneratedCode", source);
        Assert.DoesNotContain("async ", source);
    }

    [Fact]
    public void Everything_emitted_for_the_model_compiles_without_warnings_nullable_ones_included()
    {
        string[] sources = MediaEventsGenerator.Sources(EmitterModels.Pets).Select(static file => WithNullableWarnings(file.Source)).ToArray();

        Assert.Empty(Problems(GeneratorHarness.CreateCompilation(sources)));
    }

    [Fact]
    public void Own_spec_output_has_no_nullable_warnings_either()
    {
        var (result, _, _) = GeneratorHarness.Run(GeneratorHarness.OwnSpecText);
        string[] sources = result.GeneratedSources.Select(static source => WithNullableWarnings(source.SourceText.ToString())).ToArray();

        Assert.Empty(Problems(GeneratorHarness.CreateCompilation(sources)));
    }

    // The generated files turn nullable warnings off (the flow analysis costs every build); here they are on.
    private static string WithNullableWarnings(string source)
    {
        Assert.Contains("#nullable enable annotations\n#nullable disable warnings\n", source);
        return source.Replace("#nullable enable annotations\n#nullable disable warnings\n", "#nullable enable\n");
    }

    private static string[] Problems(CSharpCompilation compilation) => compilation.GetDiagnostics()
        .Where(static diagnostic => diagnostic.Severity > DiagnosticSeverity.Info)
        .Select(static diagnostic => diagnostic.ToString())
        .ToArray();

    private static string Converter(string typeName)
    {
        var writer = new SourceWriter();
        JsonEmitter.WriteConverter(writer, EmitterModels.Pets, EmitterModels.TypeNamed(typeName));
        return writer.ToString();
    }
}
