using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// A consumer of the Storage spec written from the README alone: the project's AdditionalFiles item and the program
/// are taken from the README's "A consumer of the Storage spec" section, generated against the upstream Storage
/// spec, compiled, and run on a delivery.
/// </summary>
public sealed class ReadmeStorageConsumerTests
{
    private const string Section = "### A consumer of the Storage spec";

    [SkippableFact]
    public void The_readme_storage_consumer_compiles_and_dispatches()
    {
        string specPath = Path.Combine(RepositoryPaths.SharedDirectory, "specs", "Microsoft.Storage.json");
        Skip.IfNot(File.Exists(specPath), $"The upstream Storage spec is not at {specPath}.");
        (string project, string program) = ReadmeBlocks();

        // The item as the README writes it: its path and its metadata, as the SDK passes them to the generator.
        XElement item = XElement.Parse(project).Descendants("AdditionalFiles").Single();
        string path = "/consumer/" + item.Attribute("Include")!.Value;
        var metadata = item.Attributes().Where(static attribute => attribute.Name != "Include")
            .ToDictionary(static attribute => "build_metadata.AdditionalFiles." + attribute.Name.LocalName, static attribute => attribute.Value);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(
            new[] { new InMemoryAdditionalText(path, File.ReadAllText(specPath)) },
            fileOptions: new Dictionary<string, IDictionary<string, string>> { [path] = metadata });

        // A console project with the SDK's implicit usings, the README's program as its Program.cs.
        CSharpCompilation consumer = GeneratorHarness.CreateCompilation("global using System;\nglobal using System.IO;\n", program)
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        driver.RunGeneratorsAndUpdateCompilation(consumer, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Assert.DoesNotContain(generatorDiagnostics, static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        string[] problems = output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity > DiagnosticSeverity.Info).Select(static diagnostic => diagnostic.ToString()).ToArray();
        Assert.True(problems.Length == 0, string.Join(Environment.NewLine, problems));

        string delivery = Path.Combine(AppContext.BaseDirectory, "RealSpecs", "Payloads", "Microsoft.Storage.eventgrid.json");
        string printed = Run(output, delivery);

        Assert.Contains("created https://contosoblobs.blob.core.windows.net/invoices/2024/03/inv-0042.pdf (524288 bytes), batch ", printed, StringComparison.Ordinal);
        Assert.Contains("deleted https://contosoblobs.blob.core.windows.net/invoices/2023/12/inv-0007.pdf", printed, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^10 events, 0 failed\r?$", printed);
    }

    private static (string Project, string Program) ReadmeBlocks()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        int start = readme.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section '{Section}'.");
        string section = readme.Substring(start, readme.IndexOf("\n### ", start + Section.Length, StringComparison.Ordinal) - start);
        string Block(string language) => Regex.Match(section, "```" + language + "\\r?\\n(?<code>.*?)```", RegexOptions.Singleline).Groups["code"].Value;
        return (Block("xml"), Block("csharp"));
    }

    private static string Run(Compilation output, string delivery)
    {
        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        var context = new AssemblyLoadContext("README Storage consumer", isCollectible: true);
        TextWriter original = Console.Out;
        var printed = new StringWriter();
        try
        {
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            Console.SetOut(printed);
            assembly.EntryPoint!.Invoke(null, new object[] { new[] { delivery } });
        }
        finally
        {
            Console.SetOut(original);
            context.Unload();
        }

        return printed.ToString();
    }
}
