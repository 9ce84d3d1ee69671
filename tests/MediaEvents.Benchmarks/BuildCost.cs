extern alias generator;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace MediaEvents.Benchmarks;

/// <summary>
/// <c>--build-cost</c>: what the generator adds to a user's build, as the issue defines it. Build overhead = the
/// median of 5 <c>dotnet build</c>s of a consumer with the generator package and a spec, minus the median of 5 of
/// the same consumer with the runtime package only; every build in a fresh compiler process
/// (<c>UseSharedCompilation=false</c>, no build server) after Program.cs is touched, so that csc runs each time.
/// The consumers build in turn within each round, so that noise from other work on the machine falls on all of them;
/// the CPU time of each build (user and system, the compiler's included) is printed beside it, being much less
/// sensitive than wall time to other work on the machine.
/// </summary>
/// <remarks>
/// Specs: <c>schemas/MediaServices.json</c>, the synthetic spec ten times its size (<see cref="SyntheticSpec"/>, the
/// size of the consolidated Event Grid spec), and that spec filtered with <c>MediaEventsInclude</c> to one copy's
/// events (one publisher's share of a consolidated spec). For the first two, the generated code also builds as plain
/// source without the generator, which splits the overhead into compiling the output and running the generator.
/// </remarks>
public static class BuildCost
{
    private const string Version = "0.0.0-build-cost";
    private const int Rounds = 5;

    // One copy of the ten: the events of copy 3 (Microsoft.Media.JobCanceledV3, ...) and the types they reach.
    private const string OnePublisher = "Microsoft.Media.*V3";

    public static void Run()
    {
        string repository = BuildTools.FindRepository();
        string root = Path.Combine(Path.GetTempPath(), "mediaevents-build-cost-" + Environment.ProcessId);
        try
        {
            Measure(repository, root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Measure(string repository, string root)
    {
        string mediaSpec = File.ReadAllText(Path.Combine(repository, "schemas", "MediaServices.json"));
        string tenfoldSpec = SyntheticSpec.Scale(mediaSpec, 10);
        var cases = new List<Consumer>
        {
            new("runtime only", "without", null, null, null),
            new("MediaServices.json", "media", mediaSpec, null, 0.6),
            new("synthetic 10x spec", "tenfold", tenfoldSpec, null, 4.0),
            new($"10x spec, MediaEventsInclude=\"{OnePublisher}\"", "tenfold-one", tenfoldSpec, OnePublisher, 0.6),
        };

        Console.WriteLine($"# packing the generator and the runtime ({Version}) into {root}");
        string feed = Path.Combine(root, "feed");
        foreach (string project in new[] { "generator/MediaEvents.Generators/MediaEvents.Generators.csproj", "runtime/MediaEvents.Runtime/MediaEvents.Runtime.csproj" })
        {
            BuildTools.Dotnet($"pack {Path.Combine(repository, project)} -c Release -o {feed} -p:Version={Version} -p:ArtifactsPath={Path.Combine(root, "artifacts")}", repository);
        }

        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="mediaevents-build-cost-feed" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages") };
        foreach (Consumer consumer in cases)
        {
            Console.WriteLine($"# {consumer.Name}: restore, and one build that writes the generated files");
            consumer.Create(root);
            BuildTools.Dotnet("restore", consumer.Directory, environment);
            consumer.Build(environment, $"-p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath={consumer.GeneratedDirectory}");
        }

        // The generated code of the unfiltered specs, compiled as plain source: the compile's share of the overhead.
        foreach (Consumer consumer in cases.Where(static consumer => consumer.Spec is not null && consumer.Include is null).ToList())
        {
            var plain = new Consumer(consumer.Name + ", generated code as plain source", consumer.Folder + "-source", null, null, null);
            plain.Create(root);
            CopyDirectory(consumer.GeneratedDirectory, Path.Combine(plain.Directory, "Generated"));
            BuildTools.Dotnet("restore", plain.Directory, environment);
            plain.Build(environment);
            cases.Add(plain);
        }

        for (int round = 1; round <= Rounds; round++)
        {
            foreach (Consumer consumer in cases)
            {
                (double wall, double cpu) = consumer.Build(environment);
                consumer.Times.Add(wall);
                consumer.CpuTimes.Add(cpu);
            }

            Console.WriteLine($"# round {round}: " + string.Join(", ", cases.Select(static consumer => $"{consumer.Folder} {consumer.Times[^1]:F2} s (CPU {consumer.CpuTimes[^1]:F2} s)")));
        }

        double floor = Median(cases[0].Times);
        double cpuFloor = Median(cases[0].CpuTimes);
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"Runtime only: {floor:F2} s, CPU {cpuFloor:F2} s (medians of {Rounds}); {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}."));
        Console.WriteLine();
        Console.WriteLine("| Spec | Definitions | Generated files | Generated lines | Lines per definition | Build overhead (median of 5) | Target | Met | CPU time overhead |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (Consumer consumer in cases.Where(static consumer => consumer.Spec is not null))
        {
            (int definitions, int kept) = Definitions(consumer);
            (int files, int lines) = Generated(consumer.GeneratedDirectory);
            double overhead = Median(consumer.Times) - floor;
            string definitionText = kept == definitions ? N(definitions) : $"{N(definitions)} ({N(kept)} kept)";
            Console.WriteLine(FormattableString.Invariant(
                $"| {consumer.Name} | {definitionText} | {N(files)} | {N(lines)} | {(double)lines / kept:F0} | {overhead:F2} s | {consumer.Target:F1} s | {(overhead <= consumer.Target ? "yes" : "**no**")} | {Median(consumer.CpuTimes) - cpuFloor:F2} s |"));
        }

        foreach (Consumer consumer in cases.Where(static consumer => consumer.Folder.EndsWith("-source", StringComparison.Ordinal)))
        {
            Console.WriteLine(FormattableString.Invariant($"| {consumer.Name} | | | | | {Median(consumer.Times) - floor:F2} s | | | {Median(consumer.CpuTimes) - cpuFloor:F2} s |"));
        }

        Console.WriteLine();
        Console.WriteLine("Every build, wall: " + string.Join("; ", cases.Select(static consumer => $"{consumer.Folder} " + string.Join(" ", consumer.Times.Select(static time => time.ToString("F2", CultureInfo.InvariantCulture))))));
        Console.WriteLine("Every build, CPU: " + string.Join("; ", cases.Select(static consumer => $"{consumer.Folder} " + string.Join(" ", consumer.CpuTimes.Select(static time => time.ToString("F2", CultureInfo.InvariantCulture))))));
    }

    // The spec's definitions, and those the generator keeps (all but for MediaEventsInclude).
    private static (int Definitions, int Kept) Definitions(Consumer consumer)
    {
        int definitions = JsonNode.Parse(consumer.Spec!)!["definitions"]!.AsObject().Count;
        var file = new generator::MediaEvents.Generators.Model.SpecFile("/consumer/MediaServices.json", consumer.Spec!, null, null, consumer.Include);
        var settings = new generator::MediaEvents.Generators.Model.SpecSettings("MediaEvents", "public", null, consumer.Include);
        var model = generator::MediaEvents.Generators.Parsing.SpecParser.Parse(file, settings, generator::MediaEvents.Generators.Model.EquatableArray<generator::MediaEvents.Generators.Model.SourceDocument>.Empty, CancellationToken.None).Model!;
        return (definitions, model.Types.Count(static type => type.DefinitionName is not null));
    }

    private static (int Files, int Lines) Generated(string directory)
    {
        string[] files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);
        return (files.Length, files.Sum(static file => File.ReadLines(file).Count()));
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*.cs", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static double Median(List<double> times)
    {
        List<double> sorted = times.OrderBy(static time => time).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>One consumer project: the runtime package, and the generator package with a spec when it has one.</summary>
    private sealed class Consumer(string name, string folder, string? spec, string? include, double? target)
    {
        public string Name { get; } = name;

        public string Folder { get; } = folder;

        public string? Spec { get; } = spec;

        public string? Include { get; } = include;

        public double? Target { get; } = target;

        public List<double> Times { get; } = new();

        public List<double> CpuTimes { get; } = new();

        public string Directory { get; private set; } = string.Empty;

        public string GeneratedDirectory => Path.Combine(Directory, "obj", "generated-files");

        public void Create(string root)
        {
            Directory = Path.Combine(root, Folder);
            System.IO.Directory.CreateDirectory(Directory);
            string references = $"""<PackageReference Include="MediaEvents.Runtime" Version="{Version}" />""";
            if (Spec is not null)
            {
                File.WriteAllText(Path.Combine(Directory, "MediaServices.json"), Spec);
                references += $"""

                        <PackageReference Include="MediaEvents.Generators" Version="{Version}" />
                    """;
                if (Include is not null)
                {
                    references += $"""

                            <AdditionalFiles Include="MediaServices.json" MediaEventsInclude="{Include}" />
                        """;
                }
            }

            File.WriteAllText(Path.Combine(Directory, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    {references}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(Directory, "Program.cs"), "System.Console.WriteLine(typeof(MediaEvents.MediaEvent));\n");
        }

        /// <summary>Touches Program.cs and builds in a new compiler process; its wall and CPU times in seconds.</summary>
        public (double Wall, double Cpu) Build(IReadOnlyDictionary<string, string?> environment, string extra = "")
        {
            File.SetLastWriteTimeUtc(Path.Combine(Directory, "Program.cs"), DateTime.UtcNow);
            double cpu = BuildTools.ChildrenCpuSeconds();
            var watch = Stopwatch.StartNew();
            BuildTools.Dotnet($"build --no-restore --disable-build-servers -nologo -v:q -nodeReuse:false -p:UseSharedCompilation=false {extra}", Directory, environment);
            return (watch.Elapsed.TotalSeconds, BuildTools.ChildrenCpuSeconds() - cpu);
        }
    }
}

/// <summary>Running <c>dotnet</c> from the benchmarks, and finding the repository they belong to.</summary>
public static class BuildTools
{
    /// <summary>Runs <c>dotnet</c> with the arguments; throws with its output when it fails.</summary>
    public static void Dotnet(string arguments, string directory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start)!;
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} failed in {directory}:\n{output}");
        }
    }

    /// <summary>
    /// The CPU time (user and system) of the children this process has waited for, and of theirs: on a machine
    /// shared with other work, a build's CPU time varies much less than its wall time. Zero where /proc is absent.
    /// </summary>
    public static double ChildrenCpuSeconds()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return 0;
        }

        // Fields after the command name (which may hold spaces): cutime and cstime are the 14th and 15th, in ticks of 1/100 s.
        string stat = File.ReadAllText("/proc/self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }

    public static string FindRepository()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MediaEvents.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from a clone of the repository.");
    }
}
