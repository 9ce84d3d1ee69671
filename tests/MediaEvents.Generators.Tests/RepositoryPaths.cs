using System;
using System.IO;

namespace MediaEvents.Generators.Tests;

/// <summary>Finds the repository root and the spec files that tests read from it.</summary>
internal static class RepositoryPaths
{
    private const string SolutionFileName = "MediaEvents.Generators.sln";

    /// <summary>Overrides where the shared checkout (normally <c>&lt;root&gt;/../shared</c>) lives.</summary>
    public const string SharedDirectoryVariable = "MEDIAEVENTS_SHARED_DIR";

    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The directory that holds <c>MediaEvents.Generators.sln</c>.</summary>
    public static string Root => s_root.Value;

    /// <summary>Our own swagger file, <c>schemas/MediaServices.json</c>.</summary>
    public static string OwnSpec => Path.Combine(Root, "schemas", "MediaServices.json");

    /// <summary>The upstream swagger file our spec mirrors; it may be absent outside the full workspace.</summary>
    public static string UpstreamSpec => Path.Combine(SharedDirectory, "schemas", "MediaServices.json");

    /// <summary>The shared checkout: <see cref="SharedDirectoryVariable"/> when set, else <c>&lt;root&gt;/../shared</c>.</summary>
    public static string SharedDirectory
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable(SharedDirectoryVariable);
            return Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(Root, "..", "shared")
                : configured);
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No directory containing {SolutionFileName} was found above {AppContext.BaseDirectory}.");
    }
}
