using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.ConsoleSample.Tests;

/// <summary>A flood of events that fail alike (issue #12) is reported in a few lines, and every failure is counted.</summary>
public sealed class RepeatedFailureTests
{
    [Fact]
    public async Task A_run_of_failures_for_one_reason_shows_ten_lines_then_one_for_the_rest()
    {
        string json = "[" + string.Join(",", Enumerable.Repeat("{}", 1_000)) + "," + "17,{}]";

        ToolResult result = await ToolRunner.RunWithStdinAsync(json, "-");

        Assert.Equal(ConsoleApp.ExitEventsFailed, result.ExitCode);
        string[] lines = result.Lines;
        Assert.All(lines[..10], static line => Assert.StartsWith("FAILED $[", line, StringComparison.Ordinal));
        Assert.StartsWith("FAILED $[9]: the event has neither 'eventType'", lines[9], StringComparison.Ordinal);
        Assert.StartsWith("FAILED $[10]..$[999]: 990 more event(s), each for the reason above  (", lines[10], StringComparison.Ordinal);
        Assert.StartsWith("FAILED $[1000]: expected an event object, found a number", lines[11], StringComparison.Ordinal);
        Assert.StartsWith("FAILED $[1001]: the event has neither 'eventType'", lines[12], StringComparison.Ordinal);
        Assert.Equal(TextReport.SummaryHeader, lines[13]);
        Assert.Contains(lines, static l => l.StartsWith("failed ", StringComparison.Ordinal) && l.EndsWith(" 1002", StringComparison.Ordinal));
    }
}
