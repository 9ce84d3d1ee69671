using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// The README's "Testing your handlers" example, run as written: its C# block is compiled, with a console project's
/// implicit usings and xunit, against the code generated from our spec, and every <c>[Fact]</c> of it is run.
/// </summary>
public sealed class ReadmeTestingExampleTests
{
    private const string Section = "## Testing your handlers";

    // What Microsoft.NET.Sdk gives a project that does not turn implicit usings off.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static string ReadmeExample()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        int start = readme.IndexOf("\n" + Section + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section '{Section}'.");
        int end = readme.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal);
        string section = end < 0 ? readme[start..] : readme[start..end];
        MatchCollection blocks = Regex.Matches(section, "```csharp\\r?\\n(?<code>.*?)```", RegexOptions.Singleline);
        return Assert.Single(blocks).Groups["code"].Value;
    }

    [Fact]
    public void The_readme_example_compiles_against_the_generated_code_and_its_tests_pass()
    {
        CSharpCompilation consumer = GeneratorHarness.CreateCompilation(ImplicitUsings, ReadmeExample())
            .AddReferences(MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location), MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));

        // As the SDK's default NoWarn does: xunit, built against an older .NET, unifies with this one.
        consumer = consumer.WithOptions(consumer.Options.WithSpecificDiagnosticOptions(
            new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/consumer/MediaServices.json", GeneratorHarness.OwnSpecText)])
            .RunGeneratorsAndUpdateCompilation(consumer, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.Empty(GeneratorHarness.Problems(output, generatorDiagnostics).Select(static diagnostic => diagnostic.ToString()));

        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        image.Position = 0;
        using var loaded = new LoadedAssembly("README testing example", image);
        List<MethodInfo> facts = loaded.Assembly.GetTypes()
            .SelectMany(static type => type.GetMethods())
            .Where(static method => method.GetCustomAttribute<FactAttribute>() is not null)
            .ToList();

        Assert.Equal(3, facts.Count);
        foreach (MethodInfo fact in facts)
        {
            object tests = Activator.CreateInstance(fact.DeclaringType!)!;
            try
            {
                fact.Invoke(tests, null);
            }
            catch (TargetInvocationException exception)
            {
                Assert.Fail($"{fact.DeclaringType!.Name}.{fact.Name} failed: {exception.InnerException}");
            }
        }
    }
}
