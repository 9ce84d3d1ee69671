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

    private readonly GeneratedAssembly _run;

    private GeneratedSpec(RealSpec spec)
    {
        _run = GeneratedAssembly.Generate(
            spec.ReadText(),
            spec.FullPath,
            new Dictionary<string, string> { ["MediaEventsSpec"] = "true", ["MediaEventsNamespace"] = spec.Namespace });
        Spec = spec;
        Problems = Describe(spec, _run);
    }

    /// <summary>The spec that was generated.</summary>
    public RealSpec Spec { get; }

    /// <summary>The consumer's compilation with the generated sources.</summary>
    public Compilation Output => _run.Output;

    /// <summary>
    /// What stands between the spec and usable code: the generator's exception, its diagnostics of severity
    /// Error, errors of the output compilation and warnings located in generated code.
    /// </summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The generator's run on <paramref name="spec"/>, made once.</summary>
    public static GeneratedSpec Of(RealSpec spec) => s_runs.GetOrAdd(spec.FileName, static (_, spec) => new Lazy<GeneratedSpec>(() => new GeneratedSpec(spec)), spec).Value;

    /// <summary>A message listing the problems, for an assertion.</summary>
    public string DescribeProblems() =>
        $"{Spec.FileName}: {Problems.Count} problem(s), {_run.Result.GeneratedSources.Length} file(s) generated{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", Problems)}";

    /// <summary>The generated code, loaded where the runtime is this test's own (see <see cref="GeneratedAssembly.Load"/>).</summary>
    public LoadedAssembly Load() => _run.Load();

    private static IReadOnlyList<string> Describe(RealSpec spec, GeneratedAssembly run)
    {
        var problems = new List<string>();
        if (run.Result.Exception is not null)
        {
            problems.Add($"the generator threw {run.Result.Exception}");
        }

        problems.AddRange(run.GeneratorDiagnostics
            .Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(static diagnostic => diagnostic.ToString()));

        // The consumer compilation has no sources of its own: every source tree in the output is generated.
        problems.AddRange(run.Output.GetDiagnostics()
            .Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error
                || (diagnostic.Severity == DiagnosticSeverity.Warning && diagnostic.Location.IsInSource))
            .Select(static diagnostic => diagnostic.ToString()));

        if (run.Result.Exception is null && run.Result.GeneratedSources.IsEmpty && problems.Count == 0)
        {
            problems.Add($"nothing was generated for {spec.FullPath}");
        }

        return problems;
    }
}
