using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.Packaging.Tests.Infrastructure;

/// <summary>The outcome of one process: its command line, exit code, output and how long it took.</summary>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>stdout and stderr together, for searching and for failure messages.</summary>
    public string Output => Stdout + (Stderr.Length > 0 ? "\n[stderr]\n" + Stderr : string.Empty);

    /// <summary>The lines of stdout, without line terminators.</summary>
    public string[] StdoutLines => Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    /// <summary>What to show when an assertion on this result fails: the command and everything it printed.</summary>
    public string Describe(int maxChars = 12_000)
    {
        string output = Output;
        if (output.Length > maxChars)
        {
            // The end of a build log says what went wrong; keep it.
            output = "…" + output[^maxChars..];
        }

        return $"`{CommandLine}` in {WorkingDirectory} exited with {ExitCode} after {Elapsed.TotalSeconds:F1}s:\n{output}";
    }
}

/// <summary>
/// Runs processes (the dotnet CLI, the programs it builds) with a timeout, capturing stdout and stderr exactly.
/// The environment is cleaned of what a running test host passes down (MSBuild variables of the outer build) and
/// made quiet and reproducible: no telemetry, no first-run text, English messages, no MSBuild node reuse.
/// </summary>
internal static class CommandRunner
{
    private static readonly TimeSpan s_drainGrace = TimeSpan.FromSeconds(20);

    /// <summary>The dotnet executable: the one running these tests (DOTNET_HOST_PATH), else <c>dotnet</c> on PATH.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Task<CommandResult> DotnetAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        RunAsync(Dotnet, arguments, workingDirectory, timeout, environment);

    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        PrepareEnvironment(start.Environment);
        if (environment is not null)
        {
            foreach ((string name, string? value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(name);
                }
                else
                {
                    start.Environment[name] = value;
                }
            }
        }

        string commandLine = string.Join(' ', new[] { Path.GetFileName(fileName) }.Concat(start.ArgumentList.Select(Quote)));
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"`{commandLine}` could not be started in {workingDirectory}: {exception.Message}", exception);
        }

        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        Task pumpOut = PumpAsync(process.StandardOutput, stdout);
        Task pumpErr = PumpAsync(process.StandardError, stderr);

        using var timeoutSource = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await Task.WhenAny(Task.WhenAll(pumpOut, pumpErr), Task.Delay(s_drainGrace)).ConfigureAwait(false);
            var timedOut = new CommandResult(commandLine, workingDirectory, -1, Snapshot(stdout), Snapshot(stderr), stopwatch.Elapsed);
            throw new TimeoutException($"timed out after {timeout.TotalSeconds:F0}s (killed): " + timedOut.Describe());
        }

        // A grandchild that outlives the process (a build server) could keep the pipes open: do not wait for it forever.
        await Task.WhenAny(Task.WhenAll(pumpOut, pumpErr), Task.Delay(s_drainGrace)).ConfigureAwait(false);
        return new CommandResult(commandLine, workingDirectory, process.ExitCode, Snapshot(stdout), Snapshot(stderr), stopwatch.Elapsed);
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder target)
    {
        char[] buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            lock (target)
            {
                target.Append(buffer, 0, read);
            }
        }
    }

    private static string Snapshot(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It has exited meanwhile.
        }
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        // The test host runs under `dotnet test`, whose MSBuild variables point child builds at the outer build's
        // MSBuild; a child dotnet must find its own.
        foreach (string name in environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("MSBUILD_EXE_PATH", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase))
            {
                environment.Remove(name);
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        // No MSBuild nodes left behind holding the output pipes or the temporary folders.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["NUGET_XMLDOC_MODE"] = "skip";
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(static c => char.IsWhiteSpace(c) || c is '"' or '\'') ? argument : "'" + argument + "'";

    /// <summary>Whether an executable of this name is on PATH.</summary>
    public static string? FindOnPath(string name)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
