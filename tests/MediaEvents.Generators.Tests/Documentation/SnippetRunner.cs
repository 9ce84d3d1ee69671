using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace MediaEvents.Generators.Tests.Documentation;

/// <summary>What a snippet program did when it ran.</summary>
internal sealed record SnippetRun(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public override string ToString() =>
        (TimedOut ? "timed out" : $"exit code {ExitCode}") + $"\n--- stdout ---\n{Stdout}--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs a compiled snippet program as the executable it is, in a process of its own (so that a program that exits,
/// hangs or crashes cannot take the test host with it): the program, the generated library and the libraries it
/// uses in a temporary directory with a runtime config, run by <c>dotnet</c> from the repository root.
/// </summary>
internal static class SnippetRunner
{
    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static async Task<SnippetRun> RunAsync(Compilation program, SnippetEnvironment environment, SnippetLibraries libraries, string[] args, byte[] stdin, TimeSpan timeout)
    {
        string directory = Path.Combine(Path.GetTempPath(), "mediaevents-snippets", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string entry = Path.Combine(directory, program.AssemblyName + ".dll");
            using (FileStream image = File.Create(entry))
            {
                EmitResult emitted = program.Emit(image);
                if (!emitted.Success)
                {
                    throw new InvalidOperationException("The snippet does not emit:\n  " + string.Join("\n  ", emitted.Diagnostics));
                }
            }

            File.WriteAllBytes(Path.Combine(directory, SnippetEnvironment.GeneratedAssemblyName + ".dll"), environment.GeneratedImage);
            foreach (string file in environment.RuntimeFiles(libraries))
            {
                File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
            }

            Version runtime = Environment.Version;
            File.WriteAllText(
                Path.Combine(directory, program.AssemblyName + ".runtimeconfig.json"),
                new JsonObject
                {
                    ["runtimeOptions"] = new JsonObject
                    {
                        ["tfm"] = $"net{runtime.Major}.0",
                        ["framework"] = new JsonObject { ["name"] = "Microsoft.NETCore.App", ["version"] = $"{runtime.Major}.{runtime.Minor}.0" },
                    },
                }.ToJsonString());

            var start = new ProcessStartInfo(DotnetHost)
            {
                WorkingDirectory = RepositoryPaths.Root,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(entry);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(stdin);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The program ended without reading its input.
            }

            Task exited = process.WaitForExitAsync();
            bool timedOut = await Task.WhenAny(exited, Task.Delay(timeout)) != exited;
            if (timedOut)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            return new SnippetRun(timedOut ? -1 : process.ExitCode, await stdout, await stderr, timedOut);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file the killed process still held; the temporary directory is cleaned by the system.
            }
        }
    }
}
