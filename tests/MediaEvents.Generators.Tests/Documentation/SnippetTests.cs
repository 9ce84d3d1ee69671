using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace MediaEvents.Generators.Tests.Documentation;

/// <summary>
/// Every C# block of README.md, <c>packaging/*.md</c> and <c>samples/*/README.md</c> compiles against the runtime
/// and the code generated from the Media spec, as a consumer's project would build it, with no warning; every
/// program among them runs on a bundled delivery and ends well. One case per block, named by <c>file:line</c> of its
/// opening fence; a failure lists the compiler's diagnostics at their Markdown lines. The kinds of block and the
/// few markers a block may carry are described on <see cref="Snippet"/>.
/// </summary>
public sealed class SnippetTests
{
    /// <summary>The delivery a program gets (as <c>args[0]</c> and on stdin) when <see cref="s_runs"/> does not name one.</summary>
    private const string DefaultDelivery = "samples/events/eventgrid-jobs.json";

    private static readonly TimeSpan s_runTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// What a program, found by <see cref="Snippet.Key"/> (<c>file › section</c>), is run on and must print. A program
    /// not listed runs on <see cref="DefaultDelivery"/> and must exit with 0 and print nothing to stderr.
    /// </summary>
    private static readonly Dictionary<string, RunExpectation> s_runs = new(StringComparer.Ordinal)
    {
        ["README.md › Consumer quickstart"] = new(DefaultDelivery, Stdout: new[] { "transforms/VideoAnalyzerTransform/jobs/job-2f9c: Processing -> Finished" }),
        ["README.md › A consumer of the Storage spec"] = new(
            "tests/MediaEvents.Generators.Tests/RealSpecs/Payloads/Microsoft.Storage.eventgrid.json",
            Stdout: new[] { "deleted https://contosoblobs.blob.core.windows.net/invoices/2023/12/inv-0007.pdf", "10 events, 0 failed" }),
        ["packaging/MediaEvents.Generators.md › MediaEvents.Generators"] = new(
            DefaultDelivery,
            Stdout: new[] { "transforms/VideoAnalyzerTransform/jobs/job-2f9c: Processing -> Finished", "15 events, 0 failed" }),
        ["packaging/MediaEvents.Runtime.md › MediaEvents.Runtime"] = new(
            DefaultDelivery,
            Stdout: new[] { "transforms/VideoAnalyzerTransform/jobs/job-2f9c: Processing -> Finished" },
            Stderr: new[] { "event 1 (id '", "at $[1].eventTime: " },
            BreakSecondEventTime: true),
        ["packaging/MediaEvents.Runtime.Azure.md › MediaEvents.Runtime.Azure"] = new(
            DefaultDelivery,
            Stdout: new[] { "transforms/VideoAnalyzerTransform/jobs/job-2f9c: Processing -> Finished", "15 events, 0 failed" }),
    };

    private readonly ITestOutputHelper _output;

    public SnippetTests(ITestOutputHelper output) => _output = output;

    /// <summary>Each C# block's <c>file:line</c>.</summary>
    public static TheoryData<string> Snippets()
    {
        var data = new TheoryData<string>();
        foreach (Snippet snippet in DocumentationSet.Snippets)
        {
            data.Add(snippet.Id);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Snippets))]
    public async Task Snippet_compiles_and_runs(string snippet)
    {
        Snippet found = DocumentationSet.Find(snippet);
        SnippetEnvironment environment = SnippetEnvironment.Shared;
        Skip.If(
            !environment.HasStorage && found.Previous.Append(found.Block).Any(static block => block.Code.Contains(SnippetEnvironment.StorageNamespace, StringComparison.Ordinal)),
            $"{snippet} uses the Storage spec's code, and the upstream Storage spec is not at {SnippetEnvironment.StorageSpecPath}.");

        CSharpCompilation compilation = environment.Compile(found);
        Diagnostic[] problems = compilation.GetDiagnostics()
            .Where(static diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .OrderBy(static diagnostic => diagnostic.Location.GetMappedLineSpan().StartLinePosition)
            .ToArray();
        string listed = string.Join(Environment.NewLine, problems.Select(DocumentationSet.Format));
        _output.WriteLine($"{found.Key} ({found.Kind}{(found.Runs ? ", run" : string.Empty)})");

        if (found.ExpectedError is { } expected)
        {
            Assert.True(
                problems.Length > 0 && problems.All(diagnostic => diagnostic.Id == expected),
                $"{snippet} is marked 'fails {expected}': it must fail with {expected} and nothing else, and its diagnostics are:{Environment.NewLine}{(listed.Length == 0 ? "none" : listed)}");
            return;
        }

        Assert.True(problems.Length == 0, $"{snippet} ({found.Kind}) does not compile cleanly:{Environment.NewLine}{listed}");
        if (!found.Runs || environment.UsesAspNetCore(compilation))
        {
            return;
        }

        await AssertRunsAsync(found, compilation, s_runs.GetValueOrDefault(found.Key) ?? new RunExpectation(DefaultDelivery, Stdout: Array.Empty<string>()));
    }

    [Fact]
    public void The_documents_follow_the_snippet_convention()
    {
        Assert.True(DocumentationSet.Problems.Count == 0, string.Join(Environment.NewLine, DocumentationSet.Problems));
    }

    [Fact]
    public void Every_csharp_fence_is_a_case()
    {
        // Counted on the raw text, independently of the Markdown reader, so that a block it missed cannot go untested.
        var fence = new Regex(@"^[ \t]*(`{3,}|~{3,})[ \t]*(csharp|cs|c#)\b", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        foreach (string file in DocumentationSet.Files)
        {
            int fences = fence.Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)).Replace("\r\n", "\n", StringComparison.Ordinal)).Count;
            Assert.True(
                fences == DocumentationSet.Snippets.Count(snippet => snippet.Block.File == file),
                $"{file} has {fences} C# fences, and the cases are: {string.Join(", ", DocumentationSet.Snippets.Where(snippet => snippet.Block.File == file))}");
        }
    }

    [Fact]
    public void Every_package_page_shows_a_consumer_that_runs()
    {
        string[] pages = DocumentationSet.Files.Where(static file => file.StartsWith("packaging/", StringComparison.Ordinal)).ToArray();
        Assert.Subset(pages.ToHashSet(), new HashSet<string> { "packaging/MediaEvents.Generators.md", "packaging/MediaEvents.Runtime.md", "packaging/MediaEvents.Runtime.Azure.md" });
        foreach (string page in pages)
        {
            Assert.True(
                DocumentationSet.Snippets.Any(snippet => snippet.Block.File == page && snippet.Runs && snippet.Previous.Count == 0),
                $"{page} shows no C# program that compiles and runs on its own: a consumer written from the page alone would have nothing to start from.");
        }
    }

    [Fact]
    public void Every_listed_run_names_a_program_that_runs()
    {
        string[] programs = DocumentationSet.Snippets.Where(static snippet => snippet.Runs).Select(static snippet => snippet.Key).ToArray();
        foreach (string key in s_runs.Keys)
        {
            Assert.True(programs.Contains(key), $"'{key}' names no program that runs; the programs are: {string.Join(", ", programs)}");
        }
    }

    [Theory]
    [InlineData("Console.WriteLine(1);\nclass A { }", SnippetKind.Program)]
    [InlineData("static class P { static void Main(string[] args) { } }", SnippetKind.Program)]
    [InlineData("using MediaEvents;\nsealed class A : B { public void M() { } }", SnippetKind.Types)]
    [InlineData("namespace N;\nrecord R(int X);", SnippetKind.Types)]
    [InlineData("using System;\npublic void M() { }\nprivate int _x;", SnippetKind.Members)]
    [InlineData("public string Name { get; init; } = \"\";", SnippetKind.Members)]
    [InlineData("var app = 1;", SnippetKind.Program)]
    [InlineData("static int Twice(int x) => x * 2;", SnippetKind.Program)]
    public void A_block_s_kind_is_read_from_its_code(string code, SnippetKind kind)
    {
        Assert.Equal(kind, Snippet.Classify(code));
    }

    [Fact]
    public void A_members_block_is_compiled_inside_a_class_at_its_markdown_lines()
    {
        var block = new CodeBlock("doc.md", 10, "csharp", "using System;\n\npublic int Twice(int x) => x * 2;\npublic int Broken => missing;\n", "S", null);
        SyntaxTree tree = SnippetEnvironment.Parse(SnippetEnvironment.Wrap(block, SnippetKind.Members), block.Id);
        Diagnostic error = Assert.Single(
            SnippetEnvironment.Shared.CreateCompilation(new[] { tree }, SnippetLibraries.None, OutputKind.DynamicallyLinkedLibrary).GetDiagnostics(),
            static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);

        Assert.Equal("CS0103", error.Id);
        FileLinePositionSpan span = error.Location.GetMappedLineSpan();
        Assert.Equal(("doc.md", 14), (span.Path, span.StartLinePosition.Line + 1));
    }

    [Fact]
    public void A_web_program_compiles_against_ASP_NET_Core_and_is_not_run()
    {
        const string text = """
            <!-- snippet: web -->
            ```csharp
            using MediaEvents;

            WebApplication app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/api/events", static async (HttpRequest request) =>
            {
                MediaEventDispatchResult result = await MediaEventDispatcher.DispatchAsync(request.Body, new NonExhaustiveVisitor());
                return Results.Ok(new { received = result.Count });
            });
            app.Run();

            sealed class NonExhaustiveVisitor : NonExhaustiveMediaEventVisitor { }
            ```
            """;
        Snippet snippet = Assert.Single(Snippet.FromDocument(MarkdownDocument.Parse("doc.md", text), new List<string>()));
        CSharpCompilation compilation = SnippetEnvironment.Shared.Compile(snippet);

        Assert.Empty(compilation.GetDiagnostics().Where(static diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).Select(DocumentationSet.Format));
        Assert.True(SnippetEnvironment.Shared.UsesAspNetCore(compilation));
        Assert.False(snippet.Runs);
        Assert.False(SnippetEnvironment.Shared.UsesAspNetCore(SnippetEnvironment.Shared.Compile(DocumentationSet.Snippets.First(static candidate => candidate.Runs))));
    }

    [Fact]
    public void Markers_fences_in_lists_and_sections_are_read()
    {
        const string text = """
            # Title

            1. Step:

               <!-- snippet: compile-only, serves HTTP; web -->
               ```csharp
               var app = 1;
               ```

            ## Next
            ~~~cs
            class A { }
            ~~~
            <!-- snippet: with previous -->
            ```csharp
            class B : A { }
            ```
            Prose with `FailureMode.Throw` and <!-- `Hidden.Name` --> `Shown`.
            """;
        MarkdownDocument document = MarkdownDocument.Parse("doc.md", text);
        var problems = new List<string>();
        IReadOnlyList<Snippet> snippets = Snippet.FromDocument(document, problems);

        Assert.Empty(document.Problems);
        Assert.Empty(problems);
        Assert.Equal(new[] { "doc.md:6", "doc.md:11", "doc.md:15" }, snippets.Select(static snippet => snippet.Id));
        Assert.Equal("var app = 1;\n", snippets[0].Block.Code);
        Assert.True(snippets[0].CompileOnly && snippets[0].Web && !snippets[0].Runs);
        Assert.Equal(("doc.md › Title", SnippetKind.Program), (snippets[0].Key, snippets[0].Kind));
        Assert.Equal(("doc.md › Next #2", SnippetKind.Types), (snippets[2].Key, snippets[2].Kind));
        Assert.Equal(new[] { snippets[1].Block }, snippets[2].Previous);
        Assert.Equal(new[] { "FailureMode.Throw", "Shown" }, document.InlineCode.Select(static code => code.Text));
        Assert.Equal(18, document.InlineCode[0].Line);
    }

    [Fact]
    public void A_misplaced_or_unknown_marker_is_a_problem()
    {
        MarkdownDocument document = MarkdownDocument.Parse("doc.md", "<!-- snippet: compile-only -->\nText.\n<!-- snippet: run-twice -->\n```csharp\nclass A { }\n```\n");
        var problems = new List<string>();
        Snippet.FromDocument(document, problems);

        Assert.Equal(new[] { "doc.md:1: the snippet marker is not right above a code block." }, document.Problems);
        Assert.Equal(new[] { "doc.md:4: unknown snippet directive 'run-twice' (known: compile-only, web, with previous, fails CSNNNN)." }, problems);
    }

    // Runs the program on its delivery (as args[0] and on stdin) and checks its exit code and output.
    private async Task AssertRunsAsync(Snippet snippet, CSharpCompilation compilation, RunExpectation expectation)
    {
        string delivery = expectation.Delivery;
        string? temporary = null;
        if (expectation.BreakSecondEventTime)
        {
            temporary = Path.Combine(Path.GetTempPath(), $"mediaevents-snippet-{Guid.NewGuid():N}.json");
            JsonArray events = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, delivery)))!.AsArray();
            events[1]!["eventTime"] = "not a time";
            File.WriteAllText(temporary, events.ToJsonString());
            delivery = temporary;
        }

        try
        {
            SnippetRun run = await SnippetRunner.RunAsync(
                compilation,
                SnippetEnvironment.Shared,
                SnippetEnvironment.LibrariesFor(snippet.Block.File),
                new[] { delivery },
                File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, delivery)),
                s_runTimeout);
            _output.WriteLine($"run on {expectation.Delivery}: {run}");

            string context = $"{snippet.Id} ({snippet.Key}), run on {expectation.Delivery}{(expectation.BreakSecondEventTime ? " with a bad eventTime in event 1" : string.Empty)}: {run}";
            Assert.False(run.TimedOut, $"{context}{Environment.NewLine}A program that does not end needs <!-- snippet: compile-only, REASON --> above its fence.");
            Assert.True(run.ExitCode == 0, context);
            foreach (string text in expectation.Stdout)
            {
                Assert.True(run.Stdout.Contains(text, StringComparison.Ordinal), $"stdout lacks '{text}'. {context}");
            }

            if (expectation.Stderr is null)
            {
                Assert.True(run.Stderr.Length == 0, $"stderr is not empty. {context}");
            }
            else
            {
                foreach (string text in expectation.Stderr)
                {
                    Assert.True(run.Stderr.Contains(text, StringComparison.Ordinal), $"stderr lacks '{text}'. {context}");
                }
            }
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>What a program runs on and must print.</summary>
    /// <param name="Delivery">The delivery, relative to the repository root (also the working directory).</param>
    /// <param name="Stdout">Text stdout must contain.</param>
    /// <param name="Stderr">Text stderr must contain; null: stderr must be empty.</param>
    /// <param name="BreakSecondEventTime">Run on a copy whose event 1 has an <c>eventTime</c> that is no time.</param>
    private sealed record RunExpectation(string Delivery, string[] Stdout, string[]? Stderr = null, bool BreakSecondEventTime = false);
}
