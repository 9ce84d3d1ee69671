using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.ConsoleSample.Tests;

public sealed class ExitCodeTests
{
    private const string BatchWithBadTime = """
        [
          {"id":"e0","eventType":"Microsoft.Media.JobOutputProgress","subject":"transforms/T/jobs/J","eventTime":"2024-03-14T09:15:41Z",
           "data":{"label":"VideoAnalyzerPreset_0","progress":86},"dataVersion":"1.0","metadataVersion":"1"},
          {"id":"e1","eventType":"Microsoft.Media.JobStateChange","subject":"transforms/T/jobs/J","eventTime":"not a time",
           "data":{"previousState":"Processing","state":"Finished"},"dataVersion":"1.0","metadataVersion":"1"},
          {"id":"e2","eventType":"Microsoft.Media.JobFinished","subject":"transforms/T/jobs/J","eventTime":"2024-03-14T09:16:48Z",
           "data":{"previousState":"Processing","state":"Finished","outputs":[]},"dataVersion":"1.0","metadataVersion":"1"}
        ]
        """;

    [Fact]
    public async Task An_event_that_cannot_be_read_is_an_error_line_and_the_others_are_reported()
    {
        ToolResult result = await ToolRunner.RunWithStdinAsync(BatchWithBadTime, "--format", "json", "-");

        Assert.Equal(ConsoleApp.ExitEventsFailed, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        string[] lines = result.Lines;
        Assert.Equal(3, lines.Length);

        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal("e0", first.RootElement.GetProperty("id").GetString());
        Assert.Equal(86, first.RootElement.GetProperty("data").GetProperty("progress").GetInt64());

        using JsonDocument error = JsonDocument.Parse(lines[1]);
        Assert.Equal(["id", "eventType", "error"], error.RootElement.EnumerateObject().Select(static p => p.Name));
        Assert.Equal("e1", error.RootElement.GetProperty("id").GetString());
        Assert.Equal("Microsoft.Media.JobStateChange", error.RootElement.GetProperty("eventType").GetString());
        Assert.StartsWith("$[1].eventTime: ", error.RootElement.GetProperty("error").GetString());

        using JsonDocument third = JsonDocument.Parse(lines[2]);
        Assert.Equal("e2", third.RootElement.GetProperty("id").GetString());
        Assert.True(third.RootElement.GetProperty("known").GetBoolean());
    }

    [Fact]
    public async Task An_event_without_id_or_type_has_null_ones_on_its_error_line()
    {
        const string input = """[{"subject":"s","data":{}}]""";

        ToolResult result = await ToolRunner.RunWithStdinAsync(input, "--format", "json", "-");

        Assert.Equal(ConsoleApp.ExitEventsFailed, result.ExitCode);
        using JsonDocument error = JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.Equal(JsonValueKind.Null, error.RootElement.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Null, error.RootElement.GetProperty("eventType").ValueKind);
        Assert.StartsWith("$[0]", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task In_text_a_failed_event_is_a_FAILED_line_and_counted()
    {
        ToolResult result = await ToolRunner.RunWithStdinAsync(BatchWithBadTime, "-");

        Assert.Equal(ConsoleApp.ExitEventsFailed, result.ExitCode);
        string[] lines = result.Lines;
        Assert.Contains("VideoAnalyzerPreset_0 86%", lines[0]);
        Assert.StartsWith("FAILED $[1].eventTime: ", lines[1]);
        Assert.Contains("Processing -> Finished", lines[2]);
        Assert.Equal(TextReport.SummaryHeader, lines[3]);
        Assert.Contains(lines, static l => l.StartsWith("failed ", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Input_that_is_not_json_exits_2_with_one_line_on_stderr(string format)
    {
        ToolResult result = await ToolRunner.RunWithStdinAsync("this is { not JSON", "--format", format, "-");

        Assert.Equal(ConsoleApp.ExitBadInput, result.ExitCode);
        string message = Assert.Single(result.ErrorLines);
        Assert.StartsWith("mediaevents: <stdin>: not JSON events: ", message);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_reported_and_the_other_files_are_still_read()
    {
        string notJson = Path.Combine(Path.GetTempPath(), "mediaevents-test-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(notJson, "<events/>");
        try
        {
            string jobs = ToolRunner.BundledFiles.Single(static f => Path.GetFileName(f) == "eventgrid-jobs.json");
            int jobEvents = ToolRunner.EventsOf(jobs).Count;

            ToolResult result = await ToolRunner.RunAsync("--format", "json", notJson, jobs);

            Assert.Equal(ConsoleApp.ExitBadInput, result.ExitCode);
            string message = Assert.Single(result.ErrorLines);
            Assert.StartsWith("mediaevents: " + notJson + ": ", message);
            Assert.Equal(jobEvents, result.Lines.Length);
        }
        finally
        {
            File.Delete(notJson);
        }
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        string missing = Path.Combine(Path.GetTempPath(), "mediaevents-test-" + Guid.NewGuid().ToString("N"), "none.json");

        ToolResult result = await ToolRunner.RunAsync(missing);

        Assert.Equal(ConsoleApp.ExitBadInput, result.ExitCode);
        Assert.Equal("mediaevents: " + missing + ": no such file", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_directory_exits_2()
    {
        ToolResult result = await ToolRunner.RunAsync("--format", "json", ToolRunner.BundledDirectory);

        Assert.Equal(ConsoleApp.ExitBadInput, result.ExitCode);
        Assert.Equal("mediaevents: " + ToolRunner.BundledDirectory + ": is a directory", Assert.Single(result.ErrorLines));
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    [InlineData("--format", "xml")]
    [InlineData("--format=yaml")]
    [InlineData("--format")]
    public async Task Bad_arguments_exit_2_with_one_line_and_no_output(params string[] args)
    {
        ToolResult result = await ToolRunner.RunAsync(args);

        Assert.Equal(ConsoleApp.ExitBadInput, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith("mediaevents: ", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_the_usage_and_exits_0(string option)
    {
        ToolResult result = await ToolRunner.RunAsync(option);

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        Assert.StartsWith("Usage: mediaevents [--format text|json] [--max-size SIZE] [PATH...]", result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task A_single_event_object_on_stdin_is_read()
    {
        const string input = """{"id":"one","type":"Microsoft.Media.JobOutputProgress","source":"/x","specversion":"1.0","time":"2024-01-01T00:00:00Z","data":{"label":"L","progress":86}}""";

        ToolResult result = await ToolRunner.RunWithStdinAsync(input, "--format", "json", "-");

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        Assert.Equal(
            """{"id":"one","eventType":"Microsoft.Media.JobOutputProgress","schema":"CloudEvents","known":true,"data":{"label":"L","progress":86}}""",
            Assert.Single(result.Lines));
    }

    [Fact]
    public void Both_reports_are_exhaustive_visitors_of_the_generated_interface()
    {
        Assert.True(typeof(IMediaEventVisitor).IsAssignableFrom(typeof(TextReport)));
        Assert.True(typeof(IMediaEventVisitor).IsAssignableFrom(typeof(JsonReport)));
        Assert.False(typeof(NonExhaustiveMediaEventVisitor).IsAssignableFrom(typeof(TextReport)));
        Assert.False(typeof(NonExhaustiveMediaEventVisitor).IsAssignableFrom(typeof(JsonReport)));
    }
}
