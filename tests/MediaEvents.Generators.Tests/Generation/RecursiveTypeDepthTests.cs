using System;
using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Tests.Infrastructure;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// A type that refers to itself nests as deep as the JSON does: <see cref="MediaEventReaderOptions.MaxDepth"/>
/// (default 64) holds for it as for raw values, so that a deep event fails alone rather than reading without bound
/// (and, deep enough, overflowing the stack, which no handler can catch).
/// </summary>
public sealed class RecursiveTypeDepthTests : IDisposable
{
    private const string DepthReason = "the value nests deeper than the maximum depth allowed for an event (MediaEventReaderOptions.MaxDepth)";

    private const string Spec = """
        {
          "swagger": "2.0",
          "info": { "title": "Contoso tree", "version": "1" },
          "paths": {},
          "definitions": {
            "ContosoTreeShownEventData": {
              "description": "Schema of the Data property of an EventGridEvent for a Microsoft.Contoso.TreeShown event.",
              "type": "object",
              "properties": { "root": { "$ref": "#/definitions/ContosoNode" } }
            },
            "ContosoNode": {
              "description": "A node of a tree, which holds nodes.",
              "type": "object",
              "properties": {
                "next": { "$ref": "#/definitions/ContosoNode" },
                "children": { "type": "array", "items": { "$ref": "#/definitions/ContosoNode" } },
                "byName": { "type": "object", "additionalProperties": { "$ref": "#/definitions/ContosoNode" } }
              }
            }
          }
        }
        """;

    private readonly GeneratedAssembly _generated;
    private readonly LoadedAssembly _loaded;

    public RecursiveTypeDepthTests()
    {
        _generated = GeneratedAssembly.Generate(Spec, "/consumer/tree.json", new Dictionary<string, string> { ["MediaEventsSpec"] = "true" });
        _loaded = _generated.Load();
    }

    public void Dispose() => _loaded.Dispose();

    // In a delivery array the event is at depth 1, data 2, the root node 3; a node below it through 'next' adds one
    // level, through a list or a map two (the collection, then the node).
    [Theory]
    [InlineData("{\"next\":", "}", 61)]
    [InlineData("{\"children\":[", "]}", 30)]
    [InlineData("{\"byName\":{\"k\":", "}}", 30)]
    public void A_node_nested_up_to_the_default_limit_of_64_reads(string open, string close, int levels)
    {
        MediaEventBatch batch = _loaded.CreateReader().Read(Delivery(Root(open, close, levels)));

        Assert.Empty(_generated.Problems);
        Assert.False(batch.HasFailures, string.Join(Environment.NewLine, batch.Failures));
        Assert.Single(batch.Events);
    }

    // With a limit of 65 the first value too deep is a list or a map (at 66), whose readers hold the limit.
    [Theory]
    [InlineData("{\"children\":[", "]}", ".children[0]", ".children")]
    [InlineData("{\"byName\":{\"k\":", "}}", ".byName.k", ".byName")]
    public void A_node_nested_through_a_list_or_map_beyond_the_limit_fails_its_own_event_at_the_collection_too_deep(string open, string close, string segment, string last)
    {
        var reader = new MediaEventReader(_loaded.Catalog, new MediaEventReaderOptions { MaxDepth = 65 });

        MediaEventBatch batch = reader.Read(Delivery(Root(open, close, 1), Root(open, close, 200), Root(open, close, 31)));

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal((1, DepthReason), (failure.Index, failure.Reason));
        Assert.Equal("$[1].data.root" + string.Concat(Enumerable.Repeat(segment, 31)) + last, failure.Path);
        Assert.Equal(new[] { "0", "2" }, batch.Events.Select(static read => read.Id));
    }

    // Generator bug: a record's reader starts an object without a depth check (MediaJson.ExpectStartObject takes no
    // context), so a record that holds itself directly reads to any depth; here 1,000 levels, where 62 is the most
    // the default limit allows. Fails until the generated record reader checks the context's depth.
    [Fact]
    public void A_node_nested_directly_beyond_the_limit_fails_its_own_event_at_the_node_too_deep()
    {
        MediaEventBatch batch = _loaded.CreateReader().Read(Delivery(Root("{\"next\":", "}", 1), Root("{\"next\":", "}", 1000), Root("{\"next\":", "}", 61)));

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal((1, DepthReason), (failure.Index, failure.Reason));
        Assert.Equal("$[1].data.root" + string.Concat(Enumerable.Repeat(".next", 62)), failure.Path);
        Assert.Equal(new[] { "0", "2" }, batch.Events.Select(static read => read.Id));
    }

    private static string Root(string open, string close, int levels) =>
        string.Concat(Enumerable.Repeat(open, levels)) + "{}" + string.Concat(Enumerable.Repeat(close, levels));

    private static string Delivery(params string[] roots) =>
        "[" + string.Join(",", roots.Select(static (root, index) =>
            $$$"""{"id":"{{{index}}}","eventType":"Microsoft.Contoso.TreeShown","eventTime":"2024-01-01T00:00:00Z","data":{"root":{{{root}}}}}""")) + "]";
}
