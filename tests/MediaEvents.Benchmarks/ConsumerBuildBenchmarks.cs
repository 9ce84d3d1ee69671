using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace MediaEvents.Benchmarks;

/// <summary>
/// What a user pays per build: <c>dotnet build</c> of the same small consumer with and without the generator
/// (Program.cs touched before each build, so the compiler runs), as packages (what users reference) and as
/// ProjectReferences (what this repository's samples and tests do). Between the two package builds, the generated
/// code compiled as plain source without the generator tells apart compiling that code and running the generator.
/// Slow by nature (it packs the packages first): run it on its own with <c>--filter *ConsumerBuild*</c>.
/// </summary>
/// <remarks>
/// The builds run as <c>dotnet build</c> runs in this environment: with <c>UseSharedCompilation=false</c> set, each
/// build starts a compiler of its own, which loads and JIT-compiles the generator anew; with the compiler server
/// (the default elsewhere) a build after the first reuses a warm compiler.
/// </remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ConsumerBuildBenchmarks
{
    private const string Version = "0.0.0-build-benchmark";

    private string _root = string.Empty;
    private Dictionary<string, string?> _packageEnvironment = new();

    [GlobalSetup]
    public void Setup()
    {
        string repository = BuildTools.FindRepository();
        _root = Path.Combine(Path.GetTempPath(), "mediaevents-build-bench-" + Environment.ProcessId);
        string feed = Path.Combine(_root, "feed");

        // The packages, built outside the repository's bin/ and obj/, restored by the package consumers (their
        // folder's nuget.config) into a NuGet cache of their own: the version is the same on every run, the cache new.
        foreach (string project in new[] { "generator/MediaEvents.Generators/MediaEvents.Generators.csproj", "runtime/MediaEvents.Runtime/MediaEvents.Runtime.csproj" })
        {
            BuildTools.Dotnet($"pack {Path.Combine(repository, project)} -c Release -o {feed} -p:Version={Version} -p:ArtifactsPath={Path.Combine(_root, "artifacts")}", repository);
        }

        Directory.CreateDirectory(Path.Combine(_root, "package"));
        File.WriteAllText(Path.Combine(_root, "package", "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="mediaevents-benchmark-feed" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        _packageEnvironment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_root, "nuget-packages") };

        string runtimePackage = $"""<PackageReference Include="MediaEvents.Runtime" Version="{Version}" />""";
        string runtimeProject = $"""<ProjectReference Include="{repository}/runtime/MediaEvents.Runtime/MediaEvents.Runtime.csproj" />""";
        Write("package/without", runtimePackage);
        Write("package/with", runtimePackage + $"""<PackageReference Include="MediaEvents.Generators" Version="{Version}" />""");
        File.Copy(Path.Combine(repository, "schemas", "MediaServices.json"), Path.Combine(_root, "package", "with", "MediaServices.json"));
        Write("package/generated-source", runtimePackage);
        Write("project/without", runtimeProject);
        Write("project/with", runtimeProject + $"""
            <ProjectReference Include="{repository}/generator/MediaEvents.Generators/MediaEvents.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <AdditionalFiles Include="{repository}/schemas/MediaServices.json" />
            """, $"""<Import Project="{repository}/generator/MediaEvents.Generators/build/MediaEvents.Generators.props" />""");

        foreach (string name in new[] { "package/without", "package/with", "package/generated-source" })
        {
            BuildTools.Dotnet("restore", Path.Combine(_root, name), _packageEnvironment);
        }

        BuildTools.Dotnet("restore", Path.Combine(_root, "project", "without"));
        BuildTools.Dotnet("restore", Path.Combine(_root, "project", "with"));

        // The generator's output, written by one build of the package consumer, becomes the plain sources of another.
        string generated = Path.Combine(_root, "package", "generated-source", "Generated");
        BuildTools.Dotnet($"build --no-restore -nologo -v:q -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath={generated}", Path.Combine(_root, "package", "with"), _packageEnvironment);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true, Description = "dotnet build, runtime package only")]
    public void PackageWithoutGenerator() => Build("package/without", _packageEnvironment);

    [Benchmark(Description = "dotnet build, runtime package and the generated code as plain source")]
    public void PackageWithGeneratedSource() => Build("package/generated-source", _packageEnvironment);

    [Benchmark(Description = "dotnet build, runtime and generator packages, MediaServices.json")]
    public void PackageWithGenerator() => Build("package/with", _packageEnvironment);

    [Benchmark(Description = "dotnet build, runtime project only")]
    public void ProjectWithoutGenerator() => Build("project/without");

    [Benchmark(Description = "dotnet build, runtime and generator projects, MediaServices.json")]
    public void ProjectWithGenerator() => Build("project/with");

    private void Build(string name, IReadOnlyDictionary<string, string?>? environment = null)
    {
        string project = Path.Combine(_root, name);
        File.SetLastWriteTimeUtc(Path.Combine(project, "Program.cs"), DateTime.UtcNow);
        BuildTools.Dotnet("build --no-restore -nologo -v:q", project, environment);
    }

    private void Write(string name, string references, string imports = "")
    {
        string project = Path.Combine(_root, name);
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              {imports}
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
        File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(typeof(MediaEvents.MediaEvent));\n");
    }
}
