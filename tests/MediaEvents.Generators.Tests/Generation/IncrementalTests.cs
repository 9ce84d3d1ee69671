using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>The generator does no work it need not: the parse runs only when the spec text changes.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] s_trackedSteps =
    {
        TrackingNames.SpecFiles, TrackingNames.Options, TrackingNames.Documents, TrackingNames.Parse, TrackingNames.Diagnostics, TrackingNames.Models,
        TrackingNames.MissingSpec,
    };

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        var spec = new InMemoryAdditionalText("/consumer/MediaServices.json", GeneratorHarness.OwnSpecText);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllSteps(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(second.TrackedOutputSteps.SelectMany(static step => step.Value).SelectMany(static run => run.Outputs),
            static output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void A_whitespace_only_spec_edit_reparses_but_leaves_the_outputs_cached()
    {
        string text = GeneratorHarness.OwnSpecText;
        var spec = new InMemoryAdditionalText("/consumer/MediaServices.json", text);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(GeneratorHarness.CreateCompilation());

        driver = driver.ReplaceAdditionalText(spec, new InMemoryAdditionalText("/consumer/MediaServices.json", text.Replace("\n", "\n  ")));
        GeneratorRunResult second = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Reason(second, TrackingNames.SpecFiles));
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reason(second, TrackingNames.Parse));
        Assert.True(Reason(second, TrackingNames.Models) is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.All(second.TrackedOutputSteps.SelectMany(static step => step.Value).SelectMany(static run => run.Outputs),
            static output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void A_real_spec_change_regenerates()
    {
        string text = GeneratorHarness.OwnSpecText;
        var spec = new InMemoryAdditionalText("/consumer/MediaServices.json", text);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(GeneratorHarness.CreateCompilation());

        driver = driver.ReplaceAdditionalText(spec, new InMemoryAdditionalText("/consumer/MediaServices.json", text.Replace("\"trackName\":", "\"trackLabel\":")));
        GeneratorRunResult second = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Reason(second, TrackingNames.Parse));
        Assert.Equal(IncrementalStepRunReason.Modified, Reason(second, TrackingNames.Models));
        Assert.Contains(second.GeneratedSources, static source => source.SourceText.ToString().Contains("TrackLabel"));
    }

    [Fact]
    public void An_edit_of_a_file_the_spec_references_regenerates_and_an_unrelated_file_does_not()
    {
        const string specPath = "/consumer/specs/storage.json";
        const string commonPath = "/consumer/specs/common.json";
        string specText = Parsing.SpecText.Swagger(Parsing.SpecText.EventDefinition("StorageBlobCreatedEventData", "Microsoft.Storage.BlobCreated", "\"diagnostics\": { \"$ref\": \"./common.json#/definitions/StorageDiagnostics\" }"));
        string commonText = Parsing.SpecText.Swagger("\"StorageDiagnostics\": { \"type\": \"object\", \"properties\": { \"batchId\": { \"type\": \"string\" } } }");
        var spec = new InMemoryAdditionalText(specPath, specText);
        var common = new InMemoryAdditionalText(commonPath, commonText);
        var notes = new InMemoryAdditionalText("/consumer/notes.txt", "first");
        var options = new Dictionary<string, IDictionary<string, string>> { [specPath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MediaEventsSpec"] = "true" } };
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new AdditionalText[] { spec, common, notes }, fileOptions: options).RunGenerators(GeneratorHarness.CreateCompilation());

        driver = driver.ReplaceAdditionalText(notes, new InMemoryAdditionalText("/consumer/notes.txt", "second")).RunGenerators(GeneratorHarness.CreateCompilation());
        AssertAllSteps(driver.GetRunResult().Results.Single(), IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);

        driver = driver.ReplaceAdditionalText(common, new InMemoryAdditionalText(commonPath, commonText.Replace("batchId", "blobBatchId"))).RunGenerators(GeneratorHarness.CreateCompilation());
        GeneratorRunResult third = driver.GetRunResult().Results.Single();
        Assert.Equal(IncrementalStepRunReason.Modified, Reason(third, TrackingNames.Parse));
        Assert.Contains(third.GeneratedSources, static source => source.SourceText.ToString().Contains("BlobBatchId"));
    }

    private static IncrementalStepRunReason Reason(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(static run => run.Outputs).Select(static output => output.Reason).Single();

    private static void AssertAllSteps(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        foreach (string step in s_trackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"The step {step} was not tracked.");
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                {
                    Assert.True(allowed.Contains(reason), $"{step}: {reason}");
                }
            }
        }
    }
}
