using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.ConsoleSample.Tests;

public sealed class TextFormatTests
{
    private static readonly Regex s_eventLine = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z  \S", RegexOptions.CultureInvariant);

    [Fact]
    public void The_bundled_samples_are_copied_next_to_the_tool()
    {
        string repoSamples = FindRepositorySamples();
        string[] expected = Directory.GetFiles(repoSamples, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        string[] copied = ToolRunner.BundledFiles.Select(Path.GetFileName).ToArray()!;

        Assert.NotEmpty(expected);
        Assert.Equal(expected, copied);
    }

    [Fact]
    public async Task Default_run_reads_every_bundled_file_and_prints_a_line_per_event_then_the_summary()
    {
        List<(string Id, string Type)> events = ToolRunner.BundledEvents;
        int unknown = events.Count(static e => !ToolRunner.IsKnownType(e.Type));

        ToolResult result = await ToolRunner.RunAsync();

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        string[] lines = result.Lines;
        int summary = Array.IndexOf(lines, TextReport.SummaryHeader);
        Assert.Equal(events.Count, summary);
        Assert.All(lines[..summary], static line => Assert.Matches(s_eventLine, line));
        Assert.DoesNotContain('\r', result.Stdout);

        // The type column, in input order, without the Microsoft.Media. prefix.
        for (int i = 0; i < events.Count; i++)
        {
            string shortType = events[i].Type.StartsWith("Microsoft.Media.", StringComparison.Ordinal) ? events[i].Type["Microsoft.Media.".Length..] : events[i].Type;
            Assert.Contains(" " + shortType + " ", lines[i] + " ");
            Assert.Equal(!ToolRunner.IsKnownType(events[i].Type), lines[i].Contains("(unknown type) ", StringComparison.Ordinal));
        }

        // The summary: one count per known type, sorted, then unknown, failed and the total.
        string[] summaryLines = lines[(summary + 1)..];
        var perType = events.Where(static e => ToolRunner.IsKnownType(e.Type))
            .GroupBy(static e => e.Type["Microsoft.Media.".Length..])
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g => (g.Key, g.Count()))
            .ToList();
        for (int i = 0; i < perType.Count; i++)
        {
            Assert.Matches($"^{perType[i].Key} +{perType[i].Item2}$", summaryLines[i]);
        }

        Assert.Matches($"^unknown +{unknown}\\b", summaryLines[perType.Count]);
        Assert.Matches("^failed +0$", summaryLines[perType.Count + 1]);
        Assert.Matches($"^total events +{events.Count}$", summaryLines[^1]);
    }

    [Fact]
    public async Task Lines_carry_the_key_facts_of_each_type()
    {
        ToolResult result = await ToolRunner.RunAsync();
        string text = result.Stdout;

        // Time in UTC with milliseconds; the +02:00 event of the CloudEvents file is converted.
        Assert.Contains("2024-03-14T09:31:10.518Z  JobOutputProgress", text);
        Assert.Contains("2024-03-14T09:15:02.104Z  JobOutputScheduled", text);

        Assert.Contains("transforms/VideoAnalyzerTransform/jobs/job-2f9c  Processing -> Finished  outputs: VideoAnalyzerPreset_0=Finished 100%", text);
        Assert.Contains("VideoAnalyzerPreset_0 37%", text);
        Assert.Contains("error VideoAnalyzerPreset_0: ContentUnsupported \"There was a problem with the input content.", text);
        Assert.Contains("rejected encoder 203.0.113.58:52859 stream studio-a-backup: MPE_INGEST_CODEC_NOT_SUPPORTED", text);
        Assert.Contains("encoder 203.0.113.24:49321 stream studio-a-main result S_OK", text);
        Assert.Contains("video/video bitrate 2500000 incoming 2491733 healthy", text);
        Assert.Contains("audio/audio bitrate 128000 incoming 51200 UNHEALTHY (overlap 2, discontinuity 1, nonincreasing 3, unexpected bitrate)", text);
        Assert.Contains("Audio/audio dropped chunk at 36156620000", text);
        Assert.Contains("min Audio 36198933333, max Video 36260000000", text);
        Assert.Contains("video/video gap 37528400", text);
        Assert.Contains("archive latency 10 ms: S_OK", text);
        Assert.Contains("Processing -> Paused  [not in spec: jobPriority]", text);
        Assert.Matches(@"\(unknown type\) Microsoft\.Storage\.BlobCreated  \S+  data: \{""api"":""PutBlockList"",.{60,}\.\.\.\n", text);
    }

    [Fact]
    public async Task An_unknown_event_without_much_data_is_printed_whole()
    {
        const string input = """{"id":"u1","eventType":"Contoso.Thing","subject":"s","eventTime":"2024-01-01T00:00:00Z","data":{ "a" : [1, 2] }}""";

        ToolResult result = await ToolRunner.RunWithStdinAsync(input, "-");

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        Assert.Equal("2024-01-01T00:00:00.000Z  (unknown type) Contoso.Thing  s  data: {\"a\":[1,2]}", result.Lines[0]);
    }

    private static string FindRepositorySamples()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "samples", "events");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "schemas", "MediaServices.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/events not found above " + AppContext.BaseDirectory);
    }
}
