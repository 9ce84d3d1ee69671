using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.ConsoleSample.Tests;

/// <summary>
/// Inputs are read as streams: any size by default, <c>--max-size</c> for a limit, and messages that say what
/// happened to an input that is too large, truncated or not a delivery.
/// </summary>
public sealed class InputSizeTests
{
    private const string Event =
        """{"id":"e{0}","topic":"/t","subject":"transforms/T/jobs/j{0}","eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-03-14T09:15:02Z","data":{"previousState":"Processing","state":"Finished"},"dataVersion":"1.0","metadataVersion":"1"}""";

    private static string Events(int count) =>
        "[" + string.Join(",\n", Enumerable.Range(0, count).Select(static i => Event.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))) + "]";

    private static async Task<T> WithFileAsync<T>(Func<string, Task> write, Func<string, Task<T>> run)
    {
        string path = Path.Combine(Path.GetTempPath(), "mediaevents-test-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            await write(path);
            return await run(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_file_over_64_MiB_is_read_as_a_stream()
    {
        // Two events around one whose unknown member alone is 65 MiB: over the old whole-input limit.
        string big = Event.Replace("{0}", "big", StringComparison.Ordinal).Replace("\"dataVersion\"", "\"padding\":\"" + new string('x', 65 << 20) + "\",\"dataVersion\"", StringComparison.Ordinal);

        ToolResult result = await WithFileAsync(
            path => File.WriteAllTextAsync(path, "[" + Event.Replace("{0}", "0", StringComparison.Ordinal) + "," + big + "," + Event.Replace("{0}", "2", StringComparison.Ordinal) + "]"),
            path => ToolRunner.RunAsync("--format", "json", path));

        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        Assert.Equal(3, result.Lines.Length);
        Assert.Contains("\"id\":\"ebig\"", result.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_max_size_is_refused_before_it_is_read()
    {
        ToolResult result = await WithFileAsync(
            path => File.WriteAllTextAsync(path, Events(20)),
            path => ToolRunner.RunAsync("--format", "json", "--max-size", "1K", path));

        Assert.Equal(ConsoleApp.ExitBadInput, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Matches(@"^mediaevents: .*\.json: larger than the limit of 1024 bytes \(--max-size\)$", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_stream_over_max_size_reports_the_events_before_the_limit_then_says_so()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        using var stdin = new NonSeekableStream(Encoding.UTF8.GetBytes(Events(20)));

        int exitCode = await ConsoleApp.RunAsync(["--format", "json", "--max-size=2000", "-"], stdin, stdout, stderr, ToolRunner.BundledDirectory, CancellationToken.None);

        Assert.Equal(ConsoleApp.ExitBadInput, exitCode);
        Assert.Equal("mediaevents: <stdin>: larger than the limit of 2000 bytes (--max-size)\n", stderr.ToString());
        int reported = stdout.ToString().Count(static c => c == '\n');
        Assert.InRange(reported, 1, 2000 / Event.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task A_stream_one_byte_over_max_size_is_refused_however_it_is_read(int chunk)
    {
        byte[] json = Encoding.UTF8.GetBytes(Events(3) + " ");
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        using var stdin = new NonSeekableStream(json, chunk);

        int exitCode = await ConsoleApp.RunAsync(["--format", "json", "--max-size=" + (json.Length - 1), "-"], stdin, stdout, stderr, ToolRunner.BundledDirectory, CancellationToken.None);

        Assert.Equal(ConsoleApp.ExitBadInput, exitCode);
        Assert.Equal($"mediaevents: <stdin>: larger than the limit of {json.Length - 1} bytes (--max-size)\n", stderr.ToString());
    }

    [Fact]
    public async Task An_input_within_max_size_is_read()
    {
        string json = Events(3);

        ToolResult result = await ToolRunner.RunWithStdinAsync(json, "--format", "json", "--max-size", Encoding.UTF8.GetByteCount(json).ToString(System.Globalization.CultureInfo.InvariantCulture), "-");

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        Assert.Equal(3, result.Lines.Length);
    }

    [Theory]
    [InlineData("--max-size", "mediaevents: --max-size: missing value (a size in bytes, such as 1048576 or 64M); see --help")]
    [InlineData("--max-size=", "mediaevents: --max-size: '' is not a size in bytes (such as 1048576 or 64M); see --help")]
    [InlineData("--max-size=0", "mediaevents: --max-size: '0' is not a size in bytes (such as 1048576 or 64M); see --help")]
    [InlineData("--max-size=-5", "mediaevents: --max-size: '-5' is not a size in bytes (such as 1048576 or 64M); see --help")]
    [InlineData("--max-size=12X", "mediaevents: --max-size: '12X' is not a size in bytes (such as 1048576 or 64M); see --help")]
    [InlineData("--max-size=99999999999G", "mediaevents: --max-size: '99999999999G' is not a size in bytes (such as 1048576 or 64M); see --help")]
    public async Task A_bad_max_size_exits_2_saying_what_a_size_is(string argument, string message)
    {
        ToolResult result = await ToolRunner.RunWithStdinAsync("[]", argument);

        Assert.Equal(ConsoleApp.ExitBadInput, result.ExitCode);
        Assert.Equal(message, Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_truncated_input_reports_the_events_before_the_cut_then_where_it_ends()
    {
        string json = Events(3);

        ToolResult result = await ToolRunner.RunWithStdinAsync(json[..^20], "--format", "json", "-");

        Assert.Equal(ConsoleApp.ExitBadInput, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.StartsWith("mediaevents: <stdin>: not JSON events: The input is not valid JSON: The JSON ends in the middle of a value. (line 3, byte ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", "mediaevents: <stdin>: not JSON events: Expected a JSON array of events or a single event object, found a number. (line 1, byte 1)")]
    [InlineData("", "mediaevents: <stdin>: not JSON events: The input is empty: expected a JSON array of events or a single event object.")]
    public async Task Other_shapes_say_what_was_found(string stdin, string message)
    {
        ToolResult result = await ToolRunner.RunWithStdinAsync(stdin, "-");

        Assert.Equal(ConsoleApp.ExitBadInput, result.ExitCode);
        Assert.Equal(message, Assert.Single(result.ErrorLines));
    }

    // A pipe, say: no length, and reads of at most one chunk.
    private sealed class NonSeekableStream(byte[] content, int chunk = int.MaxValue) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
