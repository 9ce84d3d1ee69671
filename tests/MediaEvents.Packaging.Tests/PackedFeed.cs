using System;
using System.IO;
using System.Threading.Tasks;
using MediaEvents.Packaging.Tests.Infrastructure;
using Xunit;

namespace MediaEvents.Packaging.Tests;

/// <summary>
/// The five packages, packed once per test run into a temporary folder feed with a version no NuGet cache has
/// seen (<c>0.1.0-test.&lt;UTC timestamp&gt;</c>). The projects build into the temporary folder too
/// (<c>ArtifactsPath</c>), so the repository's bin/ and obj/ are neither used nor touched.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime, IDisposable
{
    public static readonly string[] PackageIds =
        ["MediaEvents.Generators", "MediaEvents.Runtime", "MediaEvents.Runtime.Azure", "MediaEvents.Tracking", "MediaEvents.Tracking.AzureTables"];

    private static readonly string[] s_projects =
    [
        "generator/MediaEvents.Generators/MediaEvents.Generators.csproj",
        "runtime/MediaEvents.Runtime/MediaEvents.Runtime.csproj",
        "runtime/MediaEvents.Runtime.Azure/MediaEvents.Runtime.Azure.csproj",
        "runtime/MediaEvents.Tracking/MediaEvents.Tracking.csproj",
        "runtime/MediaEvents.Tracking.AzureTables/MediaEvents.Tracking.AzureTables.csproj",
    ];

    private static readonly TimeSpan s_packTimeout = TimeSpan.FromMinutes(15);

    public PackedFeed()
    {
        Temp = new TemporaryFolder("packages");
        Version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        Directory = Temp.Path("feed");
    }

    /// <summary>The temporary folder of the whole class: the feed, the build output, the consumer.</summary>
    public TemporaryFolder Temp { get; }

    /// <summary>The version the packages were packed with.</summary>
    public string Version { get; }

    /// <summary>The folder feed holding the .nupkg (and .snupkg) files.</summary>
    public string Directory { get; }

    /// <summary>The `dotnet pack` run: check it before anything else.</summary>
    public CommandResult Pack { get; private set; } = null!;

    public string PackagePath(string id) => Path.Combine(Directory, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        // One `dotnet pack` for the five projects: a solution filter of the repository's solution.
        string filter = Temp.Path("pack.slnf");
        File.WriteAllText(filter, $$"""
            {
              "solution": {
                "path": "{{Repository.Path("MediaEvents.Generators.sln").Replace("\\", "\\\\", StringComparison.Ordinal)}}",
                "projects": [ "{{string.Join("\", \"", s_projects)}}" ]
              }
            }
            """);

        Pack = await CommandRunner.DotnetAsync(
            Repository.Root,
            s_packTimeout,
            environment: null,
            "pack", filter,
            "-c", "Release",
            "-o", Directory,
            $"-p:Version={Version}",
            $"-p:ArtifactsPath={Temp.Path("artifacts")}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Temp.Dispose();
}
