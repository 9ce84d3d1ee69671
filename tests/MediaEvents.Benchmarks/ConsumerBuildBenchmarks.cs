using System;
using System.Diagnostics;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace MediaEvents.Benchmarks;

/// <summary>
/// What a user pays per build: <c>dotnet build</c> of the same small consumer with and without the generator
/// (Program.cs touched before each build, so the compiler runs). Slow by nature: run it on its own with
/// <c>--filter *ConsumerBuild*</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ConsumerBuildBenchmarks
{
    private string _root = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        string repository = FindRepository();
        _root = Path.Combine(Path.GetTempPath(), "mediaevents-build-bench-" + Environment.ProcessId);
        Write("without", repository, withGenerator: false);
        Write("with", repository, withGenerator: true);
        Run("restore", Path.Combine(_root, "without"));
        Run("restore", Path.Combine(_root, "with"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true, Description = "dotnet build, runtime only")]
    public void WithoutGenerator() => Build("without");

    [Benchmark(Description = "dotnet build, with the generator and MediaServices.json")]
    public void WithGenerator() => Build("with");

    private void Build(string name)
    {
        string project = Path.Combine(_root, name);
        File.SetLastWriteTimeUtc(Path.Combine(project, "Program.cs"), DateTime.UtcNow);
        Run("build --no-restore -nologo -v:q", project);
    }

    private void Write(string name, string repository, bool withGenerator)
    {
        string project = Path.Combine(_root, name);
        Directory.CreateDirectory(project);
        string generator = withGenerator
            ? $"""
              <Import Project="{repository}/generator/MediaEvents.Generators/build/MediaEvents.Generators.props" />
              <ItemGroup>
                <ProjectReference Include="{repository}/generator/MediaEvents.Generators/MediaEvents.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <AdditionalFiles Include="{repository}/schemas/MediaServices.json" />
              </ItemGroup>
              """
            : string.Empty;
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{repository}/runtime/MediaEvents.Runtime/MediaEvents.Runtime.csproj" />
              </ItemGroup>
              {generator}
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(typeof(MediaEvents.MediaEvent));\n");
    }

    private static void Run(string arguments, string directory)
    {
        using Process process = Process.Start(new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} failed in {directory}:\n{output}");
        }
    }

    private static string FindRepository()
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
