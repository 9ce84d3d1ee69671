using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MediaEvents.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MediaEvents.Generators.Tests.Diagnostics;

/// <summary>
/// Every diagnostic is where a user looks it up: a row of README's diagnostics table (its help link's target) with
/// its severity, and an entry of the analyzer release tracking with its category and severity.
/// </summary>
public sealed class DescriptorDocumentationTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (DiagnosticDescriptor descriptor in DiagnosticDescriptors.All.OrderBy(static descriptor => descriptor.Id, StringComparer.Ordinal))
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_README_table_has_a_row_that_the_help_link_points_at(string id)
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(id);
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        string anchor = "diagnostics-" + id.ToLowerInvariant();

        Assert.EndsWith("#" + anchor, descriptor.HelpLinkUri, StringComparison.Ordinal);
        Match row = Regex.Match(readme, $@"^\| <a id=""{anchor}""></a>{id} \| (?<severity>\w+) \|", RegexOptions.Multiline);
        Assert.True(row.Success, $"README.md has no diagnostics row for {id} (anchor '{anchor}').");
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Groups["severity"].Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_release_tracking_lists_it_with_its_category_and_severity(string id)
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(id);
        string directory = Path.Combine(RepositoryPaths.Root, "generator", "MediaEvents.Generators");
        string releases = File.ReadAllText(Path.Combine(directory, "AnalyzerReleases.Shipped.md")) + "\n"
            + File.ReadAllText(Path.Combine(directory, "AnalyzerReleases.Unshipped.md"));

        Assert.Matches(
            new Regex($@"^{id} \| {Regex.Escape(descriptor.Category)} \| {descriptor.DefaultSeverity} \|", RegexOptions.Multiline),
            releases);
    }
}
