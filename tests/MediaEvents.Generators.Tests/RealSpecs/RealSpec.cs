using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace MediaEvents.Generators.Tests.RealSpecs;

/// <summary>
/// One upstream swagger file of <c>../shared/specs</c> and what the tests expect of it: the event types its
/// descriptions name (<c>expected-events.json</c>, written by reading the file, not by running discovery code)
/// and the payloads of those events (<c>Payloads/</c>).
/// </summary>
public sealed class RealSpec
{
    private static readonly string s_testDirectory = System.IO.Path.Combine(AppContext.BaseDirectory, "RealSpecs");

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> s_expectations = new(ReadExpectations);

    private RealSpec(string fileName)
    {
        FileName = fileName;
        ExpectedEvents = s_expectations.Value[fileName];
    }

    /// <summary>Where the specs are: <c>&lt;shared&gt;/specs</c>.</summary>
    public static string Directory => System.IO.Path.Combine(RepositoryPaths.SharedDirectory, "specs");

    /// <summary>Why a test of the specs cannot run here, or <see langword="null"/> when it can.</summary>
    public static string? Unavailable => System.IO.Directory.Exists(Directory) ? null : $"The shared specs are not at {Directory}.";

    /// <summary>The spec file names the expectations cover, in ordinal order.</summary>
    public static IReadOnlyList<string> FileNames => s_expectations.Value.Keys.OrderBy(static name => name, StringComparer.Ordinal).ToArray();

    /// <summary>One theory row per spec file: the rows exist without the shared directory, and then skip.</summary>
    public static IEnumerable<object[]> Files() => FileNames.Select(static name => new object[] { name });

    /// <summary>One theory row per spec file and envelope.</summary>
    public static IEnumerable<object[]> FilesAndEnvelopes() =>
        FileNames.SelectMany(static name => new[] { new object[] { name, PayloadEnvelope.EventGrid }, new object[] { name, PayloadEnvelope.CloudEvents } });

    /// <summary>The spec file's name, e.g. <c>Microsoft.Storage.json</c>.</summary>
    public string FileName { get; }

    /// <summary>The spec's full path.</summary>
    public string FullPath => System.IO.Path.Combine(Directory, FileName);

    /// <summary>The file name without <c>.json</c>: the payload files' stem.</summary>
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(FileName);

    /// <summary>A namespace of its own for the generated code, from the stem's letters and digits.</summary>
    public string Namespace => "RealSpecs." + new string(Stem.Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>Each event type the spec's descriptions name, with the definition of its data.</summary>
    public IReadOnlyDictionary<string, string> ExpectedEvents { get; }

    /// <summary>The spec named <paramref name="fileName"/>.</summary>
    public static RealSpec Get(string fileName) => new(fileName);

    /// <summary>The spec's text.</summary>
    public string ReadText() => File.ReadAllText(FullPath);

    /// <summary>The path of this spec's delivery in an envelope.</summary>
    public string PayloadPath(PayloadEnvelope envelope) =>
        System.IO.Path.Combine(s_testDirectory, "Payloads", Stem + (envelope == PayloadEnvelope.EventGrid ? ".eventgrid.json" : ".cloudevents.json"));

    /// <inheritdoc />
    public override string ToString() => FileName;

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadExpectations()
    {
        using FileStream stream = File.OpenRead(System.IO.Path.Combine(s_testDirectory, "expected-events.json"));
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!
            .ToDictionary(static spec => spec.Key, static spec => (IReadOnlyDictionary<string, string>)spec.Value, StringComparer.Ordinal);
    }
}

/// <summary>The two envelopes a delivery comes in.</summary>
public enum PayloadEnvelope
{
    /// <summary>The Event Grid schema: <c>eventType</c>, <c>eventTime</c>, <c>topic</c>.</summary>
    EventGrid,

    /// <summary>CloudEvents 1.0: <c>specversion</c>, <c>type</c>, <c>time</c>, <c>source</c>.</summary>
    CloudEvents,
}
