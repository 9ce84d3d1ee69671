using System;
using System.IO;
using System.Reflection;
using System.Threading;
using Xunit;

namespace MediaEvents.Packaging.Tests.Infrastructure;

/// <summary>The repository these tests come from: found by walking up to <c>MediaEvents.Generators.sln</c>.</summary>
internal static class Repository
{
    private const string SolutionFileName = "MediaEvents.Generators.sln";

    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The configuration this test assembly was built in (Debug, Release): the sample was built in it too.</summary>
    public static string BuildConfiguration =>
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    private static string FindRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFileName)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No directory containing {SolutionFileName} was found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>
/// A temporary folder for one test, outside the repository (so that its Directory.Build.props, nuget.config and
/// global.json do not apply), deleted afterwards unless <c>MEDIAEVENTS_KEEP_TEMP=1</c>.
/// </summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string purpose)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mediaevents-{purpose}-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(Root);

        // Stop MSBuild's upward search for Directory.Build.* here, whatever lies above the temporary folder.
        File.WriteAllText(System.IO.Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(System.IO.Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        // The same SDK selection as the repository.
        string globalJson = Repository.Path("global.json");
        if (File.Exists(globalJson))
        {
            File.Copy(globalJson, System.IO.Path.Combine(Root, "global.json"));
        }
    }

    public string Root { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("MEDIAEVENTS_KEEP_TEMP") == "1")
        {
            return;
        }

        for (int attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
                return;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(500);
            }
        }
    }
}

/// <summary>The tests that run the dotnet CLI run one at a time: each takes both cores of a CI machine.</summary>
[CollectionDefinition(Name)]
public sealed class DotnetCliCollection
{
    public const string Name = "dotnet CLI";
}
