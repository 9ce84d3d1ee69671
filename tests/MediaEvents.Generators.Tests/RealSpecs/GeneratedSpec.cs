using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace MediaEvents.Generators.Tests.RealSpecs;

/// <summary>
/// The generator's run on one real spec, as a consumer's build would do it: the file under its own name, made a
/// spec by <c>MediaEventsSpec="true"</c> metadata, with a namespace of its own. Each spec runs once per test run.
/// </summary>
internal sealed class GeneratedSpec
{
    private static readonly ConcurrentDictionary<string, Lazy<GeneratedSpec>> s_runs = new(StringComparer.Ordinal);

    private GeneratedSpec(RealSpec spec)
    {
        var fileOptions = new Dictionary<string, IDictionary<string, string>>
        {
            [spec.FullPath] = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.MediaEventsSpec"] = "true",
                ["build_metadata.AdditionalFiles.MediaEventsNamespace"] = spec.Namespace,
            },
        };
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(spec.FullPath, spec.ReadText()) }, fileOptions: fileOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Spec = spec;
        Output = output;
        HintNames = result.GeneratedSources.Select(static source => source.HintName).ToArray();
        Problems = Describe(spec, result, generatorDiagnostics, output);
    }

    /// <summary>The spec that was generated.</summary>
    public RealSpec Spec { get; }

    /// <summary>The consumer's compilation with the generated sources.</summary>
    public Compilation Output { get; }

    /// <summary>The generated files' hint names.</summary>
    public IReadOnlyList<string> HintNames { get; }

    /// <summary>
    /// What stands between the spec and usable code: the generator's exception, its diagnostics of severity
    /// Error, errors of the output compilation and warnings located in generated code.
    /// </summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The generator's run on <paramref name="spec"/>, made once.</summary>
    public static GeneratedSpec Of(RealSpec spec) => s_runs.GetOrAdd(spec.FileName, static (_, spec) => new Lazy<GeneratedSpec>(() => new GeneratedSpec(spec)), spec).Value;

    /// <summary>A message listing the problems, for an assertion.</summary>
    public string DescribeProblems() =>
        $"{Spec.FileName}: {Problems.Count} problem(s), {HintNames.Count} file(s) generated{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", Problems)}";

    /// <summary>
    /// Emits the output compilation and loads it into a collectible context of its own, where the runtime
    /// (<c>MediaEvents.Runtime</c>) resolves to the assembly this test already uses, so that the generated
    /// catalogue is a <see cref="MediaEventCatalog"/> these tests can read with.
    /// </summary>
    public LoadedSpec Load()
    {
        using var image = new MemoryStream();
        EmitResult emitted = Output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(
                $"{Spec.FileName}: the generated code does not emit:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", emitted.Diagnostics.Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        return new LoadedSpec(Spec, image);
    }

    private static IReadOnlyList<string> Describe(RealSpec spec, GeneratorRunResult result, ImmutableArray<Diagnostic> generatorDiagnostics, Compilation output)
    {
        var problems = new List<string>();
        if (result.Exception is not null)
        {
            problems.Add($"the generator threw {result.Exception}");
        }

        problems.AddRange(generatorDiagnostics
            .Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(static diagnostic => diagnostic.ToString()));

        // The consumer compilation has no sources of its own: every source tree in the output is generated.
        problems.AddRange(output.GetDiagnostics()
            .Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error
                || (diagnostic.Severity == DiagnosticSeverity.Warning && diagnostic.Location.IsInSource))
            .Select(static diagnostic => diagnostic.ToString()));

        if (result.Exception is null && result.GeneratedSources.IsEmpty && problems.Count == 0)
        {
            problems.Add($"nothing was generated for {spec.FullPath}");
        }

        return problems;
    }
}

/// <summary>A spec's generated assembly, loaded until disposed.</summary>
internal sealed class LoadedSpec : IDisposable
{
    private readonly AssemblyLoadContext _context;

    public LoadedSpec(RealSpec spec, Stream image)
    {
        // The default Load (null) falls back to the default context, which already holds MediaEvents.Runtime.
        _context = new AssemblyLoadContext("RealSpec " + spec.FileName, isCollectible: true);
        Assembly = _context.LoadFromStream(image);
        Catalog = FindCatalog(spec, Assembly);
    }

    /// <summary>The generated assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>The generated catalogue: the static <c>Catalog</c> of its one static class that has one.</summary>
    public MediaEventCatalog Catalog { get; }

    /// <inheritdoc />
    public void Dispose() => _context.Unload();

    // The class is MediaEventTypes for MediaServices.json and <Stem>EventTypes for other specs: found by its
    // shape, not its name.
    private static MediaEventCatalog FindCatalog(RealSpec spec, Assembly assembly)
    {
        PropertyInfo[] candidates = assembly.GetTypes()
            .Where(static type => type.IsClass && type.IsAbstract && type.IsSealed)
            .Select(static type => type.GetProperty("Catalog", BindingFlags.Public | BindingFlags.Static))
            .OfType<PropertyInfo>()
            .ToArray();
        PropertyInfo[] catalogs = candidates.Where(static property => property.PropertyType == typeof(MediaEventCatalog)).ToArray();
        if (catalogs.Length != 1)
        {
            throw new InvalidOperationException(
                $"{spec.FileName}: expected one static class with a public static Catalog of type {typeof(MediaEventCatalog).AssemblyQualifiedName}, found " +
                (candidates.Length == 0 ? "none" : string.Join(", ", candidates.Select(static property => $"{property.DeclaringType}.Catalog : {property.PropertyType.AssemblyQualifiedName}"))));
        }

        return (MediaEventCatalog)catalogs[0].GetValue(null)!;
    }
}
