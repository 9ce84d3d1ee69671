using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MediaEvents.Packaging.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MediaEvents.Packaging.Tests;

/// <summary>
/// The console sample published with Native AOT: no trim or AOT warning, and the native program prints exactly
/// what the JIT-compiled sample prints (<c>dotnet run --no-build</c>).
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed class NativeAotTests : IDisposable
{
    private const string InstallScript = "eng/install-aot-prerequisites.sh";

    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(2);

    private readonly ITestOutputHelper _output;
    private readonly TemporaryFolder _temp = new("aot");

    public NativeAotTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_console_sample_publishes_with_native_aot_without_warnings_and_prints_what_dotnet_run_prints()
    {
        if (OperatingSystem.IsLinux() && CommandRunner.FindOnPath("clang") is null)
        {
            // The README's one test command should work on a fresh machine: install what Native AOT needs.
            CommandResult install = await CommandRunner.RunAsync("bash", new[] { InstallScript }, Repository.Root, TimeSpan.FromMinutes(10));
            _output.WriteLine(install.Output);
            Assert.True(
                install.ExitCode == 0 && CommandRunner.FindOnPath("clang") is not null,
                $"Native AOT on Linux needs clang and zlib1g-dev, and {InstallScript} could not install them " +
                $"(it needs root or sudo). Install them and run the tests again.\n{install.Describe()}");
        }

        string runtimeIdentifier = RuntimeInformation.RuntimeIdentifier;
        string publishDirectory = _temp.Path("publish");

        // As documented, plus ArtifactsPath: the build happens in the temporary folder, not in the repository's
        // bin/ and obj/ (which the JIT-compiled run below and other builds use).
        CommandResult publish = await CommandRunner.DotnetAsync(Repository.Root, s_publishTimeout, environment: null,
            "publish", "samples/MediaEvents.Console", "-c", "Release", "-r", runtimeIdentifier, "-p:PublishAot=true",
            "-o", publishDirectory, $"-p:ArtifactsPath={_temp.Path("artifacts")}");
        _output.WriteLine($"dotnet publish -p:PublishAot=true: exit {publish.ExitCode}, {publish.Elapsed.TotalSeconds:F1}s");
        string hint = publish.Output.Contains("clang", StringComparison.OrdinalIgnoreCase) || publish.Output.Contains("zlib", StringComparison.OrdinalIgnoreCase)
            ? $"\n(Native AOT prerequisites missing? Run {InstallScript}.)"
            : string.Empty;
        Assert.True(publish.ExitCode == 0, publish.Describe() + hint);

        string[] trimOrAot = publish.Output.ReplaceLineEndings("\n").Split('\n')
            .Where(static line => Regex.IsMatch(line, @"\b(warning|error)\s+(IL\d+|AOT)", RegexOptions.IgnoreCase))
            .Distinct()
            .ToArray();
        Assert.True(trimOrAot.Length == 0, "trim/AOT warnings:\n" + string.Join('\n', trimOrAot));
        string[] warnings = PackageTests.WarningLines(publish.Output);
        Assert.True(warnings.Length == 0, "warnings:\n" + string.Join('\n', warnings));
        Assert.Contains("Generating native code", publish.Stdout);

        string native = Path.Combine(publishDirectory, OperatingSystem.IsWindows() ? "mediaevents.exe" : "mediaevents");
        Assert.True(File.Exists(native), native + " was not published: " + publish.Describe());
        _output.WriteLine($"native binary: {new FileInfo(native).Length / 1024} KiB");

        // The same inputs for both, relative to the repository root: every bundled sample, by file name.
        string[] inputs = Directory.GetFiles(Repository.Path("samples", "events"), "*.json")
            .Select(static path => "samples/events/" + Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.NotEmpty(inputs);

        foreach (string format in new[] { "text", "json" })
        {
            string[] arguments = ["--format", format, .. inputs];
            CommandResult jit = await RunSample(arguments);
            CommandResult aot = await CommandRunner.RunAsync(native, arguments, Repository.Root, s_runTimeout);
            _output.WriteLine($"--format {format}: dotnet run {jit.Elapsed.TotalMilliseconds:F0} ms, native {aot.Elapsed.TotalMilliseconds:F0} ms, {aot.StdoutLines.Length} lines");

            Assert.True(jit.Stdout.Length > 0 && jit.ExitCode is 0 or 1, jit.Describe());
            Assert.Equal(jit.ExitCode, aot.ExitCode);
            Assert.Equal(jit.Stderr, aot.Stderr);
            AssertSameText(jit.Stdout, aot.Stdout, format);
        }

        // Without PATH each reads the samples bundled next to it (events/ was published beside the binary).
        CommandResult jitBundled = await RunSample([]);
        CommandResult aotBundled = await CommandRunner.RunAsync(native, [], Repository.Root, s_runTimeout);
        Assert.True(Directory.Exists(Path.Combine(publishDirectory, "events")), "events/ was not published");
        Assert.Equal(jitBundled.ExitCode, aotBundled.ExitCode);
        AssertSameText(jitBundled.Stdout, aotBundled.Stdout, "text, bundled samples");
    }

    private static Task<CommandResult> RunSample(IEnumerable<string> arguments) =>
        CommandRunner.DotnetAsync(Repository.Root, s_runTimeout, environment: null,
            ["run", "--project", "samples/MediaEvents.Console", "--no-build", "-c", Repository.BuildConfiguration, "--", .. arguments]);

    private static void AssertSameText(string expected, string actual, string what)
    {
        if (expected == actual)
        {
            return;
        }

        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        int line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail(
            $"{what}: the native program's output differs from dotnet run's at line {line + 1}:\n" +
            $"dotnet run: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n" +
            $"native:     {(line < actualLines.Length ? actualLines[line] : "<end>")}");
    }
}
