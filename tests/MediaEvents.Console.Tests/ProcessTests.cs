using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.ConsoleSample.Tests;

/// <summary>The real program, as a process: its wiring of stdin, stdout, stderr and the exit status.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_program_reads_stdin_and_writes_json_lines()
    {
        const string input = """{"id":"p1","eventType":"Microsoft.Media.JobOutputProgress","subject":"s","eventTime":"2024-01-01T00:00:00Z","data":{"label":"L","progress":86}}""";

        (int exitCode, string stdout, string stderr) = await RunProcessAsync(input, "--format", "json", "-");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal("""{"id":"p1","eventType":"Microsoft.Media.JobOutputProgress","schema":"EventGrid","known":true,"data":{"label":"L","progress":86}}""" + "\n", stdout);
    }

    [Fact]
    public async Task The_program_reports_input_that_is_not_json_on_one_line_and_exits_2()
    {
        (int exitCode, string stdout, string stderr) = await RunProcessAsync("nope", "-");

        Assert.Equal(2, exitCode);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("mediaevents: <stdin>: not JSON events", stderr);
        Assert.Contains(TextReport.SummaryHeader, stdout);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string stdin, params string[] args)
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "mediaevents.dll");
        Assert.True(File.Exists(tool), tool + " was not copied next to the tests");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(tool);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("the tool did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await stdout, await stderr);
    }
}
