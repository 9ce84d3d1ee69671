extern alias generator;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MediaEvents.Benchmarks;

/// <summary>
/// What the generator costs inside a build: one full run on the spec (a fresh driver, so the parse runs, in a
/// warm process), the same on a spec ten times larger (the cost should grow about linearly), and the re-run
/// after an unrelated C# edit (everything cached).
/// </summary>
/// <remarks>
/// Under two garbage collectors: the server GC that csc and VBCSCompiler run with (their runtimeconfig.json
/// sets System.GC.Server), and the concurrent workstation GC, the default of other hosts. The 10x spec's
/// working set (its JSON tree and NJsonSchema graph while it is read, its output while it is written) is larger
/// than a workstation gen0 budget, so it is promoted and collected again in gen1 and gen2, where the real spec's
/// dies young: under that GC the larger run costs more than ten times as much, for the collector's sake.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[Config(typeof(GarbageCollectors))]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);
    private CSharpCompilation _compilation = null!;
    private AdditionalText _spec = null!;
    private AdditionalText _largeSpec = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "MediaServices.json"));
        _spec = new TextSpec("/consumer/MediaServices.json", text);
        _largeSpec = new TextSpec("/consumer/MediaServices.json", SyntheticSpec.Scale(text, 10));
        _compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("class Program { static void Main() { } }", s_parseOptions) },
            Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(MediaEvent).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        _warmDriver = Driver(_spec).RunGenerators(_compilation);
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Edited { }", s_parseOptions));
    }

    [Benchmark(Baseline = true, Description = "full run, MediaServices.json (29 definitions)")]
    public int FullRun() => Driver(_spec).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "full run, synthetic spec 10x (290 definitions)")]
    public int FullRunTenTimes() => Driver(_largeSpec).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "re-run after an unrelated C# edit (cached)")]
    public int CachedRun() => _warmDriver.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;

    /// <summary>
    /// Prints what one run of each produces, to check the benchmarks measure real work, and the parts of a run:
    /// each warmed up until the JIT is done with it, then the best of 20 runs, the share of those 20 runs the
    /// GC held the process paused, and what one run allocates.
    /// </summary>
    public static void Check()
    {
        var benchmarks = new GeneratorBenchmarks();
        benchmarks.Setup();
        foreach ((string name, AdditionalText spec) in new[] { ("spec", benchmarks._spec), ("10x spec", benchmarks._largeSpec) })
        {
            GeneratorRunResult result = Driver(spec).RunGenerators(benchmarks._compilation).GetRunResult().Results.Single();
            Console.WriteLine($"{name}: {result.GeneratedSources.Length} sources, diagnostics: {string.Join("; ", result.Diagnostics)}, exception: {result.Exception?.Message ?? "none"}");
            string text = spec.GetText()!.ToString();
            var file = new generator::MediaEvents.Generators.Model.SpecFile(spec.Path, text, null);
            var model = generator::MediaEvents.Generators.Parsing.SpecParser.Parse(file, new generator::MediaEvents.Generators.Model.SpecSettings("MediaEvents", "public", null, null), generator::MediaEvents.Generators.Model.EquatableArray<generator::MediaEvents.Generators.Model.SourceDocument>.Empty, CancellationToken.None).Model!;
            Time(name, "full run", () => Driver(spec).RunGenerators(benchmarks._compilation));
            Time(name, "parse", () => generator::MediaEvents.Generators.Parsing.SpecParser.Parse(file, new generator::MediaEvents.Generators.Model.SpecSettings("MediaEvents", "public", null, null), generator::MediaEvents.Generators.Model.EquatableArray<generator::MediaEvents.Generators.Model.SourceDocument>.Empty, CancellationToken.None));
            Time(name, "  of which NJsonSchema", () => NJsonSchema.JsonSchema.FromJsonAsync(
                text,
                documentPath: null,
                static root => new generator::MediaEvents.Generators.Parsing.NoNetworkReferenceResolver(root),
                CancellationToken.None).GetAwaiter().GetResult());
            Time(name, "emit", () => generator::MediaEvents.Generators.MediaEventsGenerator.Sources(model).Count());
        }
    }

    private static void Time(string spec, string part, Func<object> run)
    {
        // Warm up until half a second of runs compiles nothing (tier-up included): the JIT's work is not the generator's.
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            for (var warmup = System.Diagnostics.Stopwatch.StartNew(); warmup.Elapsed.TotalSeconds < 0.5;)
            {
                run();
            }
        }
        while (System.Runtime.JitInfo.GetCompiledMethodCount() != compiled);

        double best = double.MaxValue;
        TimeSpan paused = GC.GetTotalPauseDuration();
        var total = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 20; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        double pausedShare = (GC.GetTotalPauseDuration() - paused) / total.Elapsed;
        long before = GC.GetAllocatedBytesForCurrentThread();
        run();
        Console.WriteLine($"{spec}: {part,-22} {best,7:F2} ms, GC paused {pausedShare,4:P0}, {(GC.GetAllocatedBytesForCurrentThread() - before) / 1e6,6:F2} MB allocated");
    }

    private static GeneratorDriver Driver(AdditionalText spec) => CSharpGeneratorDriver.Create(
        new[] { new generator::MediaEvents.Generators.MediaEventsGenerator().AsSourceGenerator() },
        new[] { spec },
        s_parseOptions);

    private sealed class GarbageCollectors : ManualConfig
    {
        public GarbageCollectors()
        {
            AddJob(Job.Default.WithGcServer(true).WithId("ServerGC"));
            AddJob(Job.Default.WithGcServer(false).WithId("WorkstationGC"));
        }
    }

    private sealed class TextSpec : AdditionalText
    {
        private readonly SourceText _text;

        public TextSpec(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

/// <summary>A spec N times as large: every definition copied N-1 times under new names, references and enums renamed with it.</summary>
public static class SyntheticSpec
{
    public static string Scale(string specText, int factor)
    {
        JsonObject spec = JsonNode.Parse(specText)!.AsObject();
        JsonObject definitions = spec["definitions"]!.AsObject();
        List<KeyValuePair<string, JsonNode?>> originals = definitions.ToList();
        for (int copy = 1; copy < factor; copy++)
        {
            foreach ((string name, JsonNode? definition) in originals)
            {
                definitions[Rename(name, copy)] = Rewrite(definition!.DeepClone(), copy);
            }
        }

        return spec.ToJsonString();
    }

    private static string Rename(string name, int copy) =>
        name.EndsWith("EventData", StringComparison.Ordinal) ? name[..^"EventData".Length] + "V" + copy + "EventData" : name + "V" + copy;

    private static JsonNode Rewrite(JsonNode node, int copy)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (KeyValuePair<string, JsonNode?> member in json.ToList())
                {
                    if (member.Key == "$ref" && member.Value is JsonValue reference)
                    {
                        string target = reference.GetValue<string>()["#/definitions/".Length..];
                        json["$ref"] = "#/definitions/" + Rename(target, copy);
                    }
                    else if (member.Key == "description" && member.Value is JsonValue description)
                    {
                        json["description"] = System.Text.RegularExpressions.Regex.Replace(description.GetValue<string>(), @"(Microsoft\.Media\.\w+) event", "$1V" + copy + " event");
                    }
                    else if (member.Key == "name" && json.ContainsKey("values") && member.Value is JsonValue enumName)
                    {
                        json["name"] = enumName.GetValue<string>() + "V" + copy;
                    }
                    else if (member.Value is not null)
                    {
                        json[member.Key] = Rewrite(member.Value.DeepClone(), copy);
                    }
                }

                return json;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        array[i] = Rewrite(item.DeepClone(), copy);
                    }
                }

                return array;
            default:
                return node;
        }
    }
}
