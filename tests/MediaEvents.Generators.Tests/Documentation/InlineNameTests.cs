using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MediaEvents.Generators.Tests.Documentation;

/// <summary>
/// The API names the documents' prose puts in <c>inline code</c> exist: a member reference (<c>Type.Member</c>,
/// <c>Type.Member(…)</c>) binds, and a name of ours (<c>Media…</c>, <c>IMedia…</c>, <c>NonExhaustiveMedia…</c>) is a
/// type, unless it is one of the MSBuild names the generator's build files declare. Names are bound as a consumer of
/// the Media spec sees them (usings of MediaEvents, its Json and Webhooks namespaces, Azure.Messaging and
/// System.Text.Json); a span whose first part is a namespace (<c>Microsoft.Storage.BlobCreated</c>) is an event type
/// or a package, not checked.
/// </summary>
public sealed class InlineNameTests
{
    private static readonly string[] s_namespaceRoots = { "Azure", "Contoso", "MediaEvents", "Microsoft", "System" };

    private static readonly string[] s_usings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Text.Json", "System.Text.Json.Serialization", "MediaEvents",
        "MediaEvents.Json", "MediaEvents.Webhooks", "MediaEvents.AzureInterop", "MediaEvents.Tracking", "MediaEvents.Tracking.AzureTables",
        "Azure.Messaging", "Azure.Messaging.EventGrid", "Azure.Data.Tables",
    };

    /// <summary>Names in the form of ours that are no API, with why the prose names them.</summary>
    private static readonly Dictionary<string, string> s_notApiNames = new(StringComparer.Ordinal)
    {
        ["MediaEventTypes2"] = "the name MEG0006 gives a second MediaEventTypes, shown as an example",
        ["MediaState"] = "the default table name of the webhook sample's state store (Webhook:State:TableName)",
    };

    private static readonly Regex s_memberReference = new(@"^(?<name>[A-Z]\w*(?:\.[A-Z]\w*)+)(?:\(.*\))?$");
    private static readonly Regex s_ownTypeName = new(@"^(?<name>(?:I|NonExhaustive)?Media\w*)(?:<(?<parameters>[^<>]+)>)?$");

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (string file in DocumentationSet.Files)
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Inline_code_names_an_api_that_exists(string document)
    {
        MarkdownDocument markdown = DocumentationSet.Documents.Single(candidate => candidate.File == document);
        (string Source, List<InlineCode> Checked) check = CheckSource(markdown.InlineCode, MSBuildNames());
        SyntaxTree tree = SnippetEnvironment.Parse(check.Source, "InlineNames.cs");
        Diagnostic[] errors = SnippetEnvironment.Shared
            .CreateCompilation(new[] { tree }, SnippetLibraries.Azure | SnippetLibraries.Tracking | SnippetLibraries.TrackingAzureTables, OutputKind.DynamicallyLinkedLibrary)
            .GetDiagnostics()
            .Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .ToArray();

        // Each checked span is the line after its #line directive: the unmapped line tells which span failed.
        string[] failures = errors
            .Select(error => (Line: error.Location.GetLineSpan().StartLinePosition.Line, Error: error))
            .Select(failure => $"{check.Checked[(failure.Line - 2) / 2]}: {failure.Error.Id} {failure.Error.GetMessage()}")
            .Distinct()
            .ToArray();
        Assert.True(failures.Length == 0, $"{document} names APIs that do not exist:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public void A_name_that_does_not_exist_fails_and_one_that_does_passes()
    {
        MarkdownDocument document = MarkdownDocument.Parse(
            "doc.md",
            "Set `FailureMode.Throw`, or `MediaEventFailureMode.Throw`; `MediaEventReaderOptions` and `MediaEventsInclude` exist, `MediaEventOptions` does not; `Microsoft.Storage.BlobCreated` is an event.\n");
        (string source, List<InlineCode> checkedSpans) = CheckSource(document.InlineCode, MSBuildNames());
        Diagnostic[] errors = SnippetEnvironment.Shared
            .CreateCompilation(new[] { SnippetEnvironment.Parse(source, "InlineNames.cs") }, SnippetLibraries.Azure | SnippetLibraries.Tracking | SnippetLibraries.TrackingAzureTables, OutputKind.DynamicallyLinkedLibrary)
            .GetDiagnostics()
            .Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .ToArray();

        Assert.Equal(new[] { "FailureMode.Throw", "MediaEventFailureMode.Throw", "MediaEventReaderOptions", "MediaEventOptions" }, checkedSpans.Select(static span => span.Text));
        Assert.Equal(
            new[] { "FailureMode.Throw", "MediaEventOptions" },
            errors.Select(error => checkedSpans[(error.Location.GetLineSpan().StartLinePosition.Line - 2) / 2].Text).Distinct());
    }

    // A method whose every statement is one span's check, each after a #line naming the span's Markdown line.
    private static (string Source, List<InlineCode> Checked) CheckSource(IEnumerable<InlineCode> spans, ISet<string> msbuildNames)
    {
        var source = new StringBuilder();
        source.Append(string.Concat(s_usings.Select(static name => $"using {name}; ")));
        source.Append("static class InlineNames { static void Check() {\n");
        var checkedSpans = new List<InlineCode>();
        foreach (InlineCode span in spans)
        {
            string? statement = null;
            if (s_memberReference.Match(span.Text) is { Success: true } member && !s_namespaceRoots.Contains(member.Groups["name"].Value.Split('.')[0]))
            {
                statement = $"_ = nameof({member.Groups["name"].Value});";
            }
            else if (s_ownTypeName.Match(span.Text) is { Success: true } type
                && !msbuildNames.Contains(type.Groups["name"].Value)
                && !s_notApiNames.ContainsKey(type.Groups["name"].Value)
                && !s_namespaceRoots.Contains(type.Groups["name"].Value))
            {
                string arity = type.Groups["parameters"].Success ? $"<{new string(',', type.Groups["parameters"].Value.Count(static c => c == ','))}>" : string.Empty;
                statement = $"_ = typeof({type.Groups["name"].Value}{arity});";
            }

            if (statement is not null)
            {
                source.Append($"#line {span.Line} \"{span.File}\"\n{statement}\n");
                checkedSpans.Add(span);
            }
        }

        source.Append("#line default\n} }\n");
        return (source.ToString(), checkedSpans);
    }

    // The properties and item metadata the generator's build files declare (MediaEventsNamespace, …).
    private static ISet<string> MSBuildNames()
    {
        string build = Path.Combine(RepositoryPaths.Root, "generator", "MediaEvents.Generators", "build");
        return Directory.GetFiles(build, "*.*")
            .SelectMany(static file => Regex.Matches(File.ReadAllText(file), @"\bMediaEvents[A-Z]\w*").Select(static match => match.Value))
            .ToHashSet(StringComparer.Ordinal);
    }
}
