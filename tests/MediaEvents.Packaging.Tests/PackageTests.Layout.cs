using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MediaEvents.Packaging.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MediaEvents.Packaging.Tests;

/// <summary>
/// The five packages, packed once for the class (<see cref="PackedFeed"/>): what they contain, read from the .nupkg
/// files themselves (zip archives), and (PackageTests.Consumer.cs) a new project that consumes them.
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed partial class PackageTests : IClassFixture<PackedFeed>
{
    private const string RepositoryUrl = "https://github.com/mediaevents/MediaEvents.Generators";

    private readonly PackedFeed _feed;
    private readonly ITestOutputHelper _output;

    public PackageTests(PackedFeed feed, ITestOutputHelper output)
    {
        _feed = feed;
        _output = output;
        output.WriteLine($"pack (once for the class): {feed.Pack.Elapsed.TotalSeconds:F1}s, version {feed.Version}");
    }

    [Fact]
    public void Packing_succeeds_without_warnings()
    {
        Assert.True(_feed.Pack.ExitCode == 0, _feed.Pack.Describe());
        string[] warnings = WarningLines(_feed.Pack.Output);
        Assert.True(warnings.Length == 0, "dotnet pack warned:\n" + string.Join('\n', warnings));
        foreach (string id in PackedFeed.PackageIds)
        {
            Assert.True(File.Exists(_feed.PackagePath(id)), $"{_feed.PackagePath(id)} was not created: " + _feed.Pack.Describe());
        }
    }

    [Fact]
    public void The_generator_package_is_an_analyzer_with_its_dependencies_and_build_props_and_no_lib()
    {
        Package package = Open("MediaEvents.Generators");

        AssertFiles(
            package,
            "README.md",
            "analyzers/dotnet/cs/MediaEvents.Generators.dll",
            "analyzers/dotnet/cs/NJsonSchema.dll",
            "analyzers/dotnet/cs/NJsonSchema.Annotations.dll",
            "analyzers/dotnet/cs/Namotion.Reflection.dll",
            "analyzers/dotnet/cs/Newtonsoft.Json.dll",
            "build/MediaEvents.Generators.props",
            "build/MediaEvents.Generators.targets",
            "buildTransitive/MediaEvents.Generators.props",
            "buildTransitive/MediaEvents.Generators.targets");
        Assert.DoesNotContain(package.Files, static f => f.StartsWith("lib/", StringComparison.Ordinal));

        Assert.Equal("true", package.Metadata("developmentDependency"));
        Assert.Empty(package.Dependencies);
        AssertCommonMetadata(package, "source-generator");

        // build/ and buildTransitive/ carry the same files.
        Assert.Equal(package.Read("build/MediaEvents.Generators.props"), package.Read("buildTransitive/MediaEvents.Generators.props"));
        Assert.Equal(package.Read("build/MediaEvents.Generators.targets"), package.Read("buildTransitive/MediaEvents.Generators.targets"));
        Assert.Contains("<CompilerVisibleProperty Include=\"MediaEventsNamespace\" />", package.Read("build/MediaEvents.Generators.props"));
        Assert.Contains("MediaEventsAutoIncludeSpec", package.Read("build/MediaEvents.Generators.targets"));
    }

    [Fact]
    public void The_runtime_package_is_a_net8_library_without_dependencies() =>
        AssertLibrary("MediaEvents.Runtime", "event-grid");

    [Fact]
    public void The_azure_package_depends_on_the_runtime_of_the_same_version_and_on_the_azure_sdk() =>
        AssertLibrary("MediaEvents.Runtime.Azure", "azure-sdk", "Azure.Messaging.EventGrid 4.17.0", $"MediaEvents.Runtime {_feed.Version}");

    // The generator ran when the package was built (its Media types are internal to the assembly): no dependency on it.
    [Fact]
    public void The_tracking_package_depends_on_the_runtime_alone() =>
        AssertLibrary("MediaEvents.Tracking", "state-tracking", $"MediaEvents.Runtime {_feed.Version}");

    [Fact]
    public void The_table_store_package_depends_on_the_tracking_package_of_the_same_version_and_on_azure_data_tables() =>
        AssertLibrary("MediaEvents.Tracking.AzureTables", "azure-table-storage", "Azure.Data.Tables 12.13.0", $"MediaEvents.Tracking {_feed.Version}");

    // A net8.0 library: its assembly and XML docs, the page, exactly these dependencies, the common metadata, symbols.
    private void AssertLibrary(string id, string tag, params string[] dependencies)
    {
        Package package = Open(id);

        AssertFiles(package, "README.md", $"lib/net8.0/{id}.dll", $"lib/net8.0/{id}.xml");
        Assert.Equal(dependencies.Select(static dependency => "net8.0 " + dependency).Order(StringComparer.Ordinal), package.Dependencies.Order(StringComparer.Ordinal));
        Assert.Null(package.Metadata("developmentDependency"));
        AssertCommonMetadata(package, tag);
        Assert.True(File.Exists(Path.ChangeExtension(_feed.PackagePath(id), ".snupkg")), $"{id}: no symbols package");
    }

    private static void AssertFiles(Package package, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), package.Files);

    private void AssertCommonMetadata(Package package, string tag)
    {
        Assert.Equal(package.Id, package.Metadata("id"));
        Assert.Equal(_feed.Version, package.Metadata("version"));
        Assert.Equal("MediaEvents.Generators contributors", package.Metadata("authors"));
        Assert.Equal("MIT", package.Metadata("license"));
        Assert.Equal("expression", package.Element("license")?.Attribute("type")?.Value);
        Assert.Equal("README.md", package.Metadata("readme"));
        Assert.Equal(RepositoryUrl, package.Metadata("projectUrl"));
        Assert.Equal(RepositoryUrl, package.Element("repository")?.Attribute("url")?.Value);
        Assert.Equal("git", package.Element("repository")?.Attribute("type")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(package.Metadata("description")));
        Assert.Contains(tag, (package.Metadata("tags") ?? string.Empty).Split(' '));
        Assert.StartsWith("# " + package.Id + "\n", package.Read("README.md").ReplaceLineEndings("\n"));
    }

    private Package Open(string id)
    {
        Assert.True(_feed.Pack.ExitCode == 0, _feed.Pack.Describe());
        return new Package(id, _feed.PackagePath(id));
    }

    internal static string[] WarningLines(string output) =>
        output.ReplaceLineEndings("\n").Split('\n')
            .Where(static line => Regex.IsMatch(line, @"\bwarning\s+[A-Za-z]+\d+\s*:", RegexOptions.IgnoreCase))
            .Distinct()
            .ToArray();

    /// <summary>A .nupkg read as the zip it is: its files (without the packaging parts) and its .nuspec.</summary>
    private sealed class Package
    {
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
        private readonly XElement _metadata;

        public Package(string id, string path)
        {
            Id = id;
            using ZipArchive archive = ZipFile.OpenRead(path);
            var files = new List<string>();
            XDocument? nuspec = null;
            foreach (ZipArchiveEntry entry in archive.Entries)
            {
                string name = entry.FullName;
                if (name.EndsWith(".nuspec", StringComparison.Ordinal) && !name.Contains('/', StringComparison.Ordinal))
                {
                    using Stream stream = entry.Open();
                    nuspec = XDocument.Load(stream);
                    continue;
                }

                if (name.StartsWith("_rels/", StringComparison.Ordinal) || name.StartsWith("package/", StringComparison.Ordinal) || name == "[Content_Types].xml")
                {
                    continue;
                }

                files.Add(name);
                if (name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".props", StringComparison.Ordinal) || name.EndsWith(".targets", StringComparison.Ordinal))
                {
                    using var reader = new StreamReader(entry.Open());
                    _texts[name] = reader.ReadToEnd();
                }
            }

            Assert.True(nuspec?.Root is not null, path + " has no .nuspec");
            _metadata = nuspec!.Root!.Elements().Single(static e => e.Name.LocalName == "metadata");
            files.Sort(StringComparer.Ordinal);
            Files = files;
        }

        public string Id { get; }

        public IReadOnlyList<string> Files { get; }

        /// <summary>Every dependency as "framework id version".</summary>
        public IEnumerable<string> Dependencies =>
            _metadata.Elements().Where(static e => e.Name.LocalName == "dependencies")
                .Elements().Where(static e => e.Name.LocalName == "group")
                .SelectMany(static g => g.Elements().Where(static e => e.Name.LocalName == "dependency")
                    .Select(d => $"{g.Attribute("targetFramework")?.Value} {d.Attribute("id")?.Value} {d.Attribute("version")?.Value}"));

        public XElement? Element(string name) => _metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

        public string? Metadata(string name) => Element(name)?.Value;

        public string Read(string file) =>
            _texts.TryGetValue(file, out string? text) ? text : throw new InvalidOperationException(file + " is not in package " + Id);
    }
}
