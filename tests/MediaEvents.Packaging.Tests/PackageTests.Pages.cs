using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using MediaEvents.Packaging.Tests.Infrastructure;
using Xunit;

namespace MediaEvents.Packaging.Tests;

public sealed partial class PackageTests
{
    /// <summary>What the visitor of the generator's and the runtime's pages prints for the finished job of the delivery.</summary>
    private const string Finished = "transforms/VideoAnalyzerTransform/jobs/job-2f9c: Processing -> Finished";

    /// <summary>
    /// A consumer written from a package's page alone (what the gallery shows): a console project with the page's
    /// <c>ItemGroup</c> (its package versions set to the packed ones), the spec beside it, and the page's C# program as
    /// Program.cs, restored from the packed feed, built without a warning and run on a bundled delivery: it prints
    /// <paramref name="expected"/> among its lines.
    /// </summary>
    [Theory]
    [InlineData("MediaEvents.Generators", Finished)]
    [InlineData("MediaEvents.Runtime", Finished)]
    [InlineData("MediaEvents.Runtime.Azure", Finished)]
    [InlineData("MediaEvents.Tracking", "VideoAnalyzerPreset_0: Finished, 100%, no error")]
    [InlineData("MediaEvents.Tracking.AzureTables", "transforms/VideoAnalyzerTransform/jobs/job-2f9c: Finished")]
    public async Task A_consumer_written_from_the_package_page_alone_builds_and_runs(string package, string expected)
    {
        Assert.True(_feed.Pack.ExitCode == 0, _feed.Pack.Describe());
        string pagePath = Repository.Path("packaging", package + ".md");
        string page = File.ReadAllText(pagePath).ReplaceLineEndings("\n");
        string itemGroup = Assert.Single(Blocks(page, "xml"));
        string program = Assert.Single(Blocks(page, "csharp"));

        // The page's package versions are the repository's; the consumer gets the packed ones.
        XElement items = XElement.Parse(itemGroup);
        string version = XDocument.Load(Repository.Path("Directory.Build.props")).Descendants("Version").Single().Value;
        foreach (XElement reference in items.Elements("PackageReference"))
        {
            Assert.True((string?)reference.Attribute("Version") == version, $"{pagePath}: {reference} does not name version {version}.");
            reference.SetAttributeValue("Version", _feed.Version);
        }

        Assert.Contains(items.Elements("PackageReference"), reference => (string?)reference.Attribute("Include") == package);

        string consumer = _feed.Temp.Path("Page." + package);
        Directory.CreateDirectory(consumer);
        // What `dotnet new console` writes, with the page's items.
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              {items}
            </Project>
            """);
        File.Copy(Repository.Path("schemas", "MediaServices.json"), Path.Combine(consumer, "MediaServices.json"));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), program);

        IReadOnlyDictionary<string, string?> environment = UseFeed();
        CommandResult build = await Step($"dotnet build (the {package} page's consumer)", s_buildTimeout, consumer, environment, "build");
        string[] warnings = WarningLines(build.Output);
        Assert.True(warnings.Length == 0, $"the {package} page's consumer warned:\n" + string.Join('\n', warnings));

        string jobs = Repository.Path("samples", "events", "eventgrid-jobs.json");
        CommandResult run = await CommandRunner.DotnetAsync(consumer, s_runTimeout, environment,
            Path.Combine(consumer, "bin", "Debug", "net10.0", "Consumer.dll"), jobs);
        Log($"run the {package} page's consumer", run);
        Assert.True(run.ExitCode == 0 && run.Stderr.Length == 0, run.Describe());
        Assert.Contains(expected, run.StdoutLines);
    }

    // The code of the page's top-level fenced blocks of that language.
    private static IEnumerable<string> Blocks(string page, string language) =>
        Regex.Matches(page, "^```" + language + "\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)
            .Select(static match => match.Groups["code"].Value);
}
