using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MediaEvents.Packaging.Tests.Infrastructure;
using Xunit;

namespace MediaEvents.Packaging.Tests;

public sealed partial class PackageTests
{
    /// <summary>
    /// The set-up mistakes a new consumer makes, in a real build of the packages: no spec at all (MEG0017 gives the
    /// line to add, and that line, alone, works) and a line whose file is not there (MEG0016 names the path).
    /// </summary>
    [Fact]
    public async Task A_consumer_without_its_spec_is_told_the_line_to_add_and_that_line_works()
    {
        Assert.True(_feed.Pack.ExitCode == 0, _feed.Pack.Describe());
        IReadOnlyDictionary<string, string?> environment = UseFeed();
        string consumer = _feed.Temp.Path("ConsumerWithoutSpec");
        Directory.CreateDirectory(consumer);
        string project = Path.Combine(consumer, "Consumer.csproj");
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), "System.Console.WriteLine(MediaEvents.MediaEventTypes.JobFinished);\n");
        string WithItems(string items) => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MediaEvents.Generators" Version="{_feed.Version}" PrivateAssets="all" />
                <PackageReference Include="MediaEvents.Runtime" Version="{_feed.Version}" />
                {items}
              </ItemGroup>
            </Project>
            """;

        // 1. No spec: the program cannot compile, and MEG0017 says which line to add.
        File.WriteAllText(project, WithItems(string.Empty));
        CommandResult withoutSpec = await CommandRunner.DotnetAsync(consumer, s_restoreTimeout, environment, "build");
        Log("dotnet build without a spec", withoutSpec);
        Assert.True(withoutSpec.ExitCode != 0, "the build succeeded without a spec: " + withoutSpec.Describe());
        Match advice = Regex.Match(withoutSpec.Output, @"warning MEG0017: [^\r\n]*?(?<line><AdditionalFiles Include=""[^""]+"" />)");
        Assert.True(advice.Success, "no MEG0017 with an AdditionalFiles line: " + withoutSpec.Describe());
        string line = advice.Groups["line"].Value;
        Assert.Equal(ReadmeAdditionalFilesLine, line);

        // 2. The line, but the file is not there yet: MEG0016 names the full path; the file is not called "not valid JSON".
        File.WriteAllText(project, WithItems(line));
        CommandResult withoutFile = await CommandRunner.DotnetAsync(consumer, s_buildTimeout, environment, "build", "--no-restore");
        Log("dotnet build with the line but no file", withoutFile);
        Assert.True(withoutFile.ExitCode != 0, withoutFile.Describe());
        Assert.Contains($"error MEG0016: The spec file '{Path.Combine(consumer, "MediaServices.json")}' does not exist", withoutFile.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MEG0001", withoutFile.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MEG0017", withoutFile.Output, StringComparison.Ordinal);

        // 3. The spec where the message says: the line alone (the package's automatic inclusion off) builds cleanly.
        File.Copy(Repository.Path("schemas", "MediaServices.json"), Path.Combine(consumer, "MediaServices.json"));
        CommandResult fixedBuild = await CommandRunner.DotnetAsync(consumer, s_buildTimeout, environment, "build", "--no-restore", "-p:MediaEventsAutoIncludeSpec=false");
        Log("dotnet build with the line and the spec", fixedBuild);
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.Describe());
        string[] warnings = WarningLines(fixedBuild.Output);
        Assert.True(warnings.Length == 0, "the fixed consumer's build warned:\n" + string.Join('\n', warnings));
    }
}
