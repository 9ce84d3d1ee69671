extern alias generator;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace MediaEvents.Benchmarks;

/// <summary>
/// <c>--compile-cost</c>: what compiling the generated code costs the compiler, in this process, warm: parse, bind
/// with every diagnostic, and emit, for the output of <c>MediaServices.json</c> and of the 10x spec, and the share
/// of each kind of generated file in lines. Steadier than a <c>dotnet build</c> on a busy machine (the CPU time of the best
/// of several runs), so it tells one emitter change from another; <c>--build-cost</c> gives what a user pays.
/// </summary>
public static class CompileCost
{
    public static void Run()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "MediaServices.json"));
        foreach ((string name, string spec) in new[] { ("MediaServices.json", text), ("10x spec", SyntheticSpec.Scale(text, 10)) })
        {
            List<(string Name, string Source)> files = Generate(spec);
            double all = Measure(files, DocumentationMode.None);
            Console.WriteLine($"{name}: {files.Count} files, {files.Sum(static file => Lines(file.Source)):N0} lines: {all:F0} ms CPU to compile (as a default build: no doc file)");
            Console.WriteLine($"  with GenerateDocumentationFile (doc comments parsed and checked): {Measure(files, DocumentationMode.Diagnose):F0} ms");

            // The kinds of files cannot be compiled apart (each needs the others): their lines tell their weight.
            foreach (IGrouping<string, (string Name, string Source)> kind in files.GroupBy(static file => Kind(file.Name)))
            {
                Console.WriteLine($"  {kind.Key,-12} {kind.Count(),4} files {kind.Sum(static file => Lines(file.Source)),8:N0} lines");
            }
        }
    }

    private static List<(string Name, string Source)> Generate(string specText)
    {
        var file = new generator::MediaEvents.Generators.Model.SpecFile("/consumer/MediaServices.json", specText, null);
        var settings = new generator::MediaEvents.Generators.Model.SpecSettings("MediaEvents", "public", null, null);
        var model = generator::MediaEvents.Generators.Parsing.SpecParser.Parse(file, settings, generator::MediaEvents.Generators.Model.EquatableArray<generator::MediaEvents.Generators.Model.SourceDocument>.Empty, CancellationToken.None).Model!;
        return generator::MediaEvents.Generators.MediaEventsGenerator.Sources(model).ToList();
    }

    /// <summary>The best of five warm compiles (after two to warm up), in CPU milliseconds of this process (all its threads).</summary>
    public static double Measure(IReadOnlyList<(string Name, string Source)> files, DocumentationMode documentation)
    {
        double best = double.MaxValue;
        for (int run = 0; run < 7; run++)
        {
            TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
            Compile(files, new CSharpParseOptions(LanguageVersion.CSharp12, documentation));
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
            if (run >= 2)
            {
                best = Math.Min(best, cpu);
            }
        }

        return best;
    }

    private static void Compile(IReadOnlyList<(string Name, string Source)> files, CSharpParseOptions parseOptions)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Consumer",
            files.Select(file => CSharpSyntaxTree.ParseText(file.Source, parseOptions, file.Name)),
            Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(MediaEvent).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Debug));
        using var peStream = new MemoryStream();
        EmitResult result = compilation.Emit(peStream);
        if (!result.Success || result.Diagnostics.Any(static diagnostic => diagnostic.Severity > DiagnosticSeverity.Info))
        {
            throw new InvalidOperationException("The generated code does not compile cleanly: " + string.Join("; ", result.Diagnostics.Take(5)));
        }
    }

    private static int Lines(string source) => source.Count(static c => c == '\n');

    private static string Kind(string name) => name switch
    {
        _ when name.EndsWith(".Json", StringComparison.Ordinal) => "converters",
        _ when name.EndsWith("JsonContext", StringComparison.Ordinal) => "context",
        _ when name.EndsWith("EventTypes", StringComparison.Ordinal) || name.Contains("Visitor", StringComparison.Ordinal) || name.Contains("Dispatcher", StringComparison.Ordinal) => "visitor etc.",
        _ => "types, enums",
    };
}
