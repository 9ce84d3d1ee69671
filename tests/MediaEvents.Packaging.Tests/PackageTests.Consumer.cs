using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using MediaEvents.Packaging.Tests.Infrastructure;
using Xunit;

namespace MediaEvents.Packaging.Tests;

public sealed partial class PackageTests
{
    /// <summary>The line README.md tells a consumer to add, verbatim.</summary>
    private const string ReadmeAdditionalFilesLine = """<AdditionalFiles Include="MediaServices.json" />""";

    private static readonly TimeSpan s_newTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_restoreTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_evaluateTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_new_console_project_consumes_the_packages_as_the_readme_shows()
    {
        Assert.True(_feed.Pack.ExitCode == 0, _feed.Pack.Describe());

        string consumer = _feed.Temp.Path("Consumer");
        string project = Path.Combine(consumer, "Consumer.csproj");
        string spec = Path.Combine(consumer, "MediaServices.json");

        IReadOnlyDictionary<string, string?> environment = UseFeed();

        // A console project from nothing, and the two packages added from the feed.
        await Step("dotnet new console", s_newTimeout, _feed.Temp.Root, environment,
            "new", "console", "--name", "Consumer", "--output", consumer, "--framework", "net10.0", "--no-restore");
        await Step("dotnet add package MediaEvents.Generators", s_restoreTimeout, consumer, environment,
            "add", project, "package", "MediaEvents.Generators", "--version", _feed.Version);
        await Step("dotnet add package MediaEvents.Runtime", s_restoreTimeout, consumer, environment,
            "add", project, "package", "MediaEvents.Runtime", "--version", _feed.Version);

        // The generator is a development dependency: `dotnet add package` marks it PrivateAssets="all" by itself.
        XElement generatorReference = XDocument.Load(project).Descendants("PackageReference")
            .Single(static e => (string?)e.Attribute("Include") == "MediaEvents.Generators");
        Assert.Equal(_feed.Version, (string?)generatorReference.Attribute("Version"));
        Assert.Equal("all", ((string?)generatorReference.Attribute("PrivateAssets") ?? (string?)generatorReference.Element("PrivateAssets"))?.Trim());

        // The spec next to the project, and the README's line; documentation on, so that undocumented public
        // generated code would warn.
        File.Copy(Repository.Path("schemas", "MediaServices.json"), spec);
        string projectWithLine = File.ReadAllText(project).Replace("</Project>", $"""
              <PropertyGroup>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
              </PropertyGroup>

              <ItemGroup>
                {ReadmeAdditionalFilesLine}
              </ItemGroup>

            </Project>
            """, StringComparison.Ordinal);
        File.WriteAllText(project, projectWithLine);

        // The README's line and the package's automatic inclusion give one spec, not two.
        Assert.Equal([spec], await SpecItems(consumer, environment));

        IReadOnlyList<EventDefinition> events = EventDefinition.ReadAll(spec);
        Assert.True(events.Count >= 25, $"only {events.Count} event definitions in {spec}");
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram(events));

        CommandResult build = await Step("dotnet build", s_buildTimeout, consumer, environment, "build", "--no-restore");
        string[] warnings = WarningLines(build.Output);
        Assert.True(warnings.Length == 0, "the consumer's build warned:\n" + string.Join('\n', warnings));

        // The program prints one line per event, through the visitor method of its type.
        string jobs = Repository.Path("samples", "events", "eventgrid-jobs.json");
        CommandResult run = await CommandRunner.DotnetAsync(consumer, s_runTimeout, environment,
            Path.Combine(consumer, "bin", "Debug", "net10.0", "Consumer.dll"), jobs);
        Log("run the consumer", run);
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(ExpectedLines(jobs, events), run.StdoutLines);

        // Without the README's line the package includes MediaServices.json itself, unless told not to.
        File.WriteAllText(project, projectWithLine.Replace(ReadmeAdditionalFilesLine, string.Empty, StringComparison.Ordinal));
        Assert.Equal([spec], await SpecItems(consumer, environment));
        Assert.Empty(await SpecItems(consumer, environment, "-p:MediaEventsAutoIncludeSpec=false"));
        File.WriteAllText(project, projectWithLine);

        // A new event type in the spec: the visitor no longer compiles until it handles it.
        JsonNode document = JsonNode.Parse(File.ReadAllText(spec))!;
        document["definitions"]!.AsObject()["MediaJobPausedEventData"] = new JsonObject
        {
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/MediaJobStateChangeEventData" }),
            ["properties"] = new JsonObject(),
            ["type"] = "object",
            ["description"] = "Payload for a Microsoft.Media.JobPaused event, raised when a job is paused.",
        };
        File.WriteAllText(spec, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        CommandResult broken = await CommandRunner.DotnetAsync(consumer, s_buildTimeout, environment, "build", "--no-restore");
        Log("dotnet build after adding MediaJobPausedEventData", broken);
        Assert.True(broken.ExitCode != 0, "the build succeeded although the visitor does not handle JobPaused: " + broken.Describe());
        string[] errors = Regex.Matches(broken.Output, @"error [A-Z]+\d+: [^\r\n]*").Select(static m => m.Value).Distinct().ToArray();
        Assert.True(
            errors.Length > 0 && errors.All(static e => e.StartsWith("error CS0535:", StringComparison.Ordinal) &&
                e.Contains("'IMediaEventVisitor.VisitJobPaused(MediaEvent<MediaJobPausedEventData>)'", StringComparison.Ordinal)),
            "expected only CS0535 for IMediaEventVisitor.VisitJobPaused, got:\n" + string.Join('\n', errors) + "\n" + broken.Describe());
    }

    /// <summary>
    /// The feed and nuget.org only, for every project under the class's temporary folder (a nuget.config at its root);
    /// the environment of a NuGet cache of their own, empty at first, so nothing stale can be served.
    /// </summary>
    private IReadOnlyDictionary<string, string?> UseFeed()
    {
        File.WriteAllText(_feed.Temp.Path("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="mediaevents-test-feed" value="{_feed.Directory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        return new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _feed.Temp.Path("nuget-packages") };
    }

    private async Task<CommandResult> Step(string name, TimeSpan timeout, string directory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        CommandResult result = await CommandRunner.DotnetAsync(directory, timeout, environment, arguments);
        Log(name, result);
        Assert.True(result.ExitCode == 0, $"{name} failed: " + result.Describe());
        return result;
    }

    private void Log(string name, CommandResult result) =>
        _output.WriteLine($"{name}: exit {result.ExitCode}, {result.Elapsed.TotalSeconds:F1}s");

    /// <summary>The full paths of the AdditionalFiles items named MediaServices.json, from an evaluation of the project.</summary>
    private async Task<string[]> SpecItems(string consumer, IReadOnlyDictionary<string, string?> environment, params string[] properties)
    {
        CommandResult evaluation = await CommandRunner.DotnetAsync(consumer, s_evaluateTimeout, environment,
            ["msbuild", "Consumer.csproj", "-getItem:AdditionalFiles", .. properties]);
        Assert.True(evaluation.ExitCode == 0, evaluation.Describe());
        using JsonDocument items = JsonDocument.Parse(evaluation.Stdout);
        return items.RootElement.GetProperty("Items").TryGetProperty("AdditionalFiles", out JsonElement files)
            ? files.EnumerateArray()
                .Select(static item => item.GetProperty("FullPath").GetString()!)
                .Where(static path => Path.GetFileName(path) == "MediaServices.json")
                .ToArray()
            : [];
    }

    /// <summary>A program that implements every method of the generated visitor, each printing the event it got.</summary>
    private static string ConsumerProgram(IReadOnlyList<EventDefinition> events)
    {
        var source = new StringBuilder();
        source.Append("""
            using System;
            using System.IO;
            using MediaEvents;

            MediaEventDispatchResult batch = MediaEventDispatcher.Dispatch(File.ReadAllText(args[0]), new PrintingVisitor());
            Console.WriteLine($"failures: {batch.Failures.Count}");
            return batch.HasFailures ? 1 : 0;

            internal sealed class PrintingVisitor : IMediaEventVisitor
            {

            """);
        foreach (EventDefinition definition in events)
        {
            source.Append($"    public void {definition.Method}(MediaEvent<{definition.DataType}> mediaEvent) => Print(nameof({definition.Method}), mediaEvent, mediaEvent.Data);\n\n");
        }

        source.Append("""
                public void VisitUnknown(MediaEvent mediaEvent) => Console.WriteLine($"VisitUnknown {mediaEvent.Id} {mediaEvent.EventType}");

                private static void Print(string method, MediaEvent mediaEvent, object data) => Console.WriteLine($"{method} {mediaEvent.Id} {data.GetType().Name}");
            }

            """);
        return source.ToString();
    }

    /// <summary>What <see cref="ConsumerProgram"/> prints for a file of Event Grid events, computed from the file.</summary>
    private static string[] ExpectedLines(string path, IReadOnlyList<EventDefinition> events)
    {
        var lines = new List<string>();
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (JsonElement element in document.RootElement.EnumerateArray())
        {
            string id = element.GetProperty("id").GetString()!;
            string type = element.GetProperty("eventType").GetString()!;
            EventDefinition? definition = events.FirstOrDefault(d => d.EventType == type);
            lines.Add(definition is null ? $"VisitUnknown {id} {type}" : $"{definition.Method} {id} {definition.DataType}");
        }

        lines.Add("failures: 0");
        return lines.ToArray();
    }

    /// <summary>An event type of the spec: a definition <c>Media&lt;Name&gt;EventData</c> is <c>Microsoft.Media.&lt;Name&gt;</c>.</summary>
    private sealed record EventDefinition(string Name, string DataType)
    {
        public string EventType => "Microsoft.Media." + Name;

        public string Method => "Visit" + Name;

        public static IReadOnlyList<EventDefinition> ReadAll(string spec)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(spec));
            return document.RootElement.GetProperty("definitions").EnumerateObject()
                .Select(static d => Regex.Match(d.Name, "^Media(?<name>[A-Za-z0-9]+)EventData$"))
                .Where(static m => m.Success)
                .Select(static m => new EventDefinition(m.Groups["name"].Value, m.Value))
                .OrderBy(static d => d.Name, StringComparer.Ordinal)
                .ToArray();
        }
    }
}
