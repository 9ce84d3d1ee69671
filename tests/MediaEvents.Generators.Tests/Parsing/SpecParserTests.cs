using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using MediaEvents.Generators.Model;
using MediaEvents.Generators.Parsing;
using Xunit;

namespace MediaEvents.Generators.Tests.Parsing;

/// <summary><see cref="SpecParser"/> on our own spec: the model it builds, its value equality and its purity.</summary>
public sealed class SpecParserTests
{
    private static readonly string[] s_eventTypes =
    {
        "Microsoft.Media.JobCanceled",
        "Microsoft.Media.JobCanceling",
        "Microsoft.Media.JobErrored",
        "Microsoft.Media.JobFinished",
        "Microsoft.Media.JobOutputCanceled",
        "Microsoft.Media.JobOutputCanceling",
        "Microsoft.Media.JobOutputErrored",
        "Microsoft.Media.JobOutputFinished",
        "Microsoft.Media.JobOutputProcessing",
        "Microsoft.Media.JobOutputProgress",
        "Microsoft.Media.JobOutputScheduled",
        "Microsoft.Media.JobOutputStateChange",
        "Microsoft.Media.JobProcessing",
        "Microsoft.Media.JobScheduled",
        "Microsoft.Media.JobStateChange",
        "Microsoft.Media.LiveEventChannelArchiveHeartbeat",
        "Microsoft.Media.LiveEventConnectionRejected",
        "Microsoft.Media.LiveEventEncoderConnected",
        "Microsoft.Media.LiveEventEncoderDisconnected",
        "Microsoft.Media.LiveEventIncomingDataChunkDropped",
        "Microsoft.Media.LiveEventIncomingStreamReceived",
        "Microsoft.Media.LiveEventIncomingStreamsOutOfSync",
        "Microsoft.Media.LiveEventIncomingVideoStreamsOutOfSync",
        "Microsoft.Media.LiveEventIngestHeartbeat",
        "Microsoft.Media.LiveEventTrackDiscontinuityDetected",
    };

    private static readonly string[] s_jobStates = { "Canceled", "Canceling", "Error", "Finished", "Processing", "Queued", "Scheduled" };

    [Fact]
    public void Own_spec_parses_without_diagnostics()
    {
        ParseResult result = ParseOwnSpec();

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Model);
        Assert.Equal("MediaEvents", result.Model!.Namespace);
        Assert.Equal("public", result.Model.Accessibility);
        Assert.Equal(RepositoryPaths.OwnSpec, result.Model.SpecPath);
        Assert.Equal("2018-01-01", result.Model.SpecVersion);
    }

    [Fact]
    public void Every_definition_is_a_type_plus_the_fallback_subtype()
    {
        SpecModel model = OwnModel();

        Assert.Equal(30, model.Types.Count);
        Assert.Equal(29, model.Types.Count(static type => !type.IsFallback));
        Assert.Equal(29, model.Types.Select(static type => type.DefinitionName).Where(static name => name is not null).Distinct().Count());
        TypeModel fallback = Assert.Single(model.Types, static type => type.IsFallback);
        Assert.Equal("UnknownMediaJobOutput", fallback.Name);
        Assert.Null(fallback.DefinitionName);
        Assert.Equal("MediaJobOutput", fallback.BaseName);
        Assert.Equal(Type(model, "MediaJobOutput").AllProperties, fallback.AllProperties);
        Assert.Empty(fallback.OwnProperties);

        string[] names = model.Types.Select(static type => type.Name).ToArray();
        Assert.Equal(names.OrderBy(static name => name, StringComparer.Ordinal), names);
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Events_are_the_25_event_types_ordinal_sorted()
    {
        SpecModel model = OwnModel();

        Assert.Equal(25, model.Events.Count);
        Assert.Equal(s_eventTypes, model.Events.Select(static item => item.EventType));
        Assert.Equal(s_eventTypes.OrderBy(static name => name, StringComparer.Ordinal), model.Events.Select(static item => item.EventType));

        EventModel stateChange = Assert.Single(model.Events, static item => item.EventType == "Microsoft.Media.JobStateChange");
        Assert.Equal("JobStateChange", stateChange.Name);
        Assert.Equal("MediaJobStateChangeEventData", stateChange.DataTypeName);
        Assert.NotNull(stateChange.Description);
        Assert.All(model.Events, item => Assert.Contains(model.Types, type => type.Name == item.DataTypeName));
        Assert.All(model.Events, static item => Assert.Equal(item.EventType.Substring("Microsoft.Media.".Length), item.Name));
    }

    [Fact]
    public void Enums_and_their_values()
    {
        SpecModel model = OwnModel();

        Assert.Equal(new[] { "MediaJobErrorCategory", "MediaJobErrorCode", "MediaJobRetry", "MediaJobState" }, model.Enums.Select(static value => value.Name));
        Assert.Equal(new[] { "Service", "Download", "Upload", "Configuration", "Content", "Account" }, Values(model, "MediaJobErrorCategory"));
        Assert.Equal(
            new[] { "ServiceError", "ServiceTransientError", "DownloadNotAccessible", "DownloadTransientError", "UploadNotAccessible", "UploadTransientError", "ConfigurationUnsupported", "ContentMalformed", "ContentUnsupported", "IdentityUnsupported" },
            Values(model, "MediaJobErrorCode"));
        Assert.Equal(new[] { "DoNotRetry", "MayRetry" }, Values(model, "MediaJobRetry"));
        Assert.Equal(s_jobStates, Values(model, "MediaJobState"));

        Assert.All(model.Enums, static value => Assert.True(value.IsExtensible));
        Assert.All(model.Enums.SelectMany(static value => value.Values), static value => Assert.Equal(value.Value, value.Name));
        Assert.All(model.Enums.SelectMany(static value => value.Values), static value => Assert.False(string.IsNullOrWhiteSpace(value.Description)));
    }

    [Fact]
    public void Inheritance_and_polymorphism()
    {
        SpecModel model = OwnModel();

        Assert.Equal("MediaJobStateChangeEventData", Type(model, "MediaJobScheduledEventData").BaseName);
        Assert.Empty(Type(model, "MediaJobScheduledEventData").OwnProperties);
        Assert.Equal(Type(model, "MediaJobStateChangeEventData").AllProperties, Type(model, "MediaJobScheduledEventData").AllProperties);
        Assert.True(Type(model, "MediaJobStateChangeEventData").HasDerivedTypes);
        Assert.Equal("MediaJobOutputStateChangeEventData", Type(model, "MediaJobOutputFinishedEventData").BaseName);
        Assert.Null(Type(model, "MediaJobStateChangeEventData").BaseName);

        TypeModel output = Type(model, "MediaJobOutput");
        Assert.True(output.IsAbstract);
        Assert.True(output.HasDerivedTypes);
        Polymorphism polymorphism = Assert.IsType<Polymorphism>(output.Polymorphism);
        Assert.Equal("@odata.type", polymorphism.PropertyJsonName);
        Assert.Equal("UnknownMediaJobOutput", polymorphism.FallbackName);
        Subtype subtype = Assert.Single(polymorphism.Subtypes);
        Assert.Equal(new Subtype("#Microsoft.Media.JobOutputAsset", "MediaJobOutputAsset"), subtype);

        TypeModel asset = Type(model, "MediaJobOutputAsset");
        Assert.Equal("MediaJobOutput", asset.BaseName);
        Assert.Equal("#Microsoft.Media.JobOutputAsset", asset.DiscriminatorValue);
        Assert.False(asset.IsAbstract);
        Assert.Equal(new[] { "assetName" }, asset.OwnProperties.Select(static property => property.JsonName));
        Assert.Equal(output.AllProperties.Select(static property => property.JsonName).Append("assetName"), asset.AllProperties.Select(static property => property.JsonName));

        Assert.Single(model.Types, static type => type.Polymorphism is not null);
    }

    [Fact]
    public void Required_flags_follow_the_spec()
    {
        SpecModel model = OwnModel();

        TypeModel output = Type(model, "MediaJobOutput");
        Assert.Equal(new[] { "@odata.type", "progress", "state" }, output.AllProperties.Where(static property => property.IsRequired).Select(static property => property.JsonName).OrderBy(static name => name, StringComparer.Ordinal));
        Assert.False(Property(output, "label").IsRequired);
        Assert.False(Property(output, "error").IsRequired);

        TypeModel heartbeat = Type(model, "MediaLiveEventChannelArchiveHeartbeatEventData");
        Assert.Equal(2, heartbeat.AllProperties.Count);
        Assert.All(heartbeat.AllProperties, static property => Assert.True(property.IsRequired, property.JsonName));

        // Nothing else in the spec is required.
        string[] required = model.Types.Where(static type => !type.IsFallback)
            .SelectMany(static type => type.OwnProperties.Where(static property => property.IsRequired).Select(property => type.Name + "." + property.JsonName))
            .OrderBy(static name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            new[]
            {
                "MediaJobOutput.@odata.type", "MediaJobOutput.progress", "MediaJobOutput.state",
                "MediaLiveEventChannelArchiveHeartbeatEventData.channelLatencyMs", "MediaLiveEventChannelArchiveHeartbeatEventData.latencyResultCode",
            },
            required);
    }

    [Fact]
    public void Property_kinds()
    {
        SpecModel model = OwnModel();
        TypeModel heartbeat = Type(model, "MediaLiveEventIngestHeartbeatEventData");

        Assert.Equal(new TypeRef(ValueKind.Int64), Property(heartbeat, "bitrate").Type);
        Assert.Equal(new TypeRef(ValueKind.Int64), Property(heartbeat, "incomingBitrate").Type);
        Assert.Equal(new TypeRef(ValueKind.Boolean), Property(heartbeat, "unexpectedBitrate").Type);
        Assert.Equal(new TypeRef(ValueKind.Boolean), Property(heartbeat, "healthy").Type);
        Assert.Equal(new TypeRef(ValueKind.String), Property(heartbeat, "trackName").Type);
        Assert.Equal("UnexpectedBitrate", Property(heartbeat, "unexpectedBitrate").Name);

        Assert.Equal(new TypeRef(ValueKind.Map, Element: new TypeRef(ValueKind.String)), Property(Type(model, "MediaJobStateChangeEventData"), "correlationData").Type);
        Assert.Equal(new TypeRef(ValueKind.Enum, "MediaJobState"), Property(Type(model, "MediaJobStateChangeEventData"), "state").Type);
        Assert.Equal(new TypeRef(ValueKind.Enum, "MediaJobState"), Property(Type(model, "MediaJobStateChangeEventData"), "previousState").Type);
        Assert.Equal(new TypeRef(ValueKind.Array, Element: new TypeRef(ValueKind.Object, "MediaJobOutput")), Property(Type(model, "MediaJobFinishedEventData"), "outputs").Type);
        Assert.Equal(new TypeRef(ValueKind.Array, Element: new TypeRef(ValueKind.Object, "MediaJobErrorDetail")), Property(Type(model, "MediaJobError"), "details").Type);
        Assert.Equal(new TypeRef(ValueKind.Enum, "MediaJobErrorCode"), Property(Type(model, "MediaJobError"), "code").Type);
        Assert.Equal(new TypeRef(ValueKind.Enum, "MediaJobRetry"), Property(Type(model, "MediaJobError"), "retry").Type);
        Assert.Equal(new TypeRef(ValueKind.Object, "MediaJobError"), Property(Type(model, "MediaJobOutput"), "error").Type);
        Assert.Equal(new TypeRef(ValueKind.Int64), Property(Type(model, "MediaJobOutput"), "progress").Type);
        Assert.Equal("OdataType", Property(Type(model, "MediaJobOutput"), "@odata.type").Name);
        Assert.Equal(new TypeRef(ValueKind.Object, "MediaJobOutput"), Property(Type(model, "MediaJobOutputStateChangeEventData"), "output").Type);
    }

    [Fact]
    public void Parsing_the_same_text_twice_gives_equal_models()
    {
        ParseResult first = ParseOwnSpec();
        ParseResult second = ParseOwnSpec();

        Assert.NotSame(first, second);
        Assert.NotSame(first.Model, second.Model);
        Assert.Equal(first, second);
        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first.Model!.Types, second.Model!.Types);
        Assert.Equal(first.Model.Enums, second.Model.Enums);
        Assert.Equal(first.Model.Events, second.Model.Events);
    }

    [Fact]
    public void Parsing_a_bad_spec_twice_gives_equal_results()
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "MediaEvents.Generators.Tests", "BadSpecs", "MEG0002-no-definitions.json");
        ParseResult first = Parse(path, File.ReadAllText(path));
        ParseResult second = Parse(path, File.ReadAllText(path));

        Assert.Null(first.Model);
        Assert.NotEmpty(first.Diagnostics);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void A_changed_spec_gives_a_different_model()
    {
        string text = File.ReadAllText(RepositoryPaths.OwnSpec);
        ParseResult original = Parse(RepositoryPaths.OwnSpec, text);
        ParseResult changed = Parse(RepositoryPaths.OwnSpec, text.Replace("\"MayRetry\"", "\"MightRetry\"", StringComparison.Ordinal));

        Assert.Empty(changed.Diagnostics);
        Assert.NotEqual(original, changed);
        Assert.NotEqual(original.Model!.Enums, changed.Model!.Enums);
        Assert.Equal(original.Model.Events, changed.Model.Events);
    }

    [Fact]
    public void The_model_holds_only_plain_equatable_data()
    {
        AssertPlainData(ParseOwnSpec(), minimumObjects: 100);
    }

    [Fact]
    public void A_result_with_diagnostics_holds_only_plain_equatable_data()
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "MediaEvents.Generators.Tests", "BadSpecs", "MEG0007-event-name-mismatch.json");
        ParseResult result = Parse(path, File.ReadAllText(path));

        Assert.NotNull(result.Model);
        Assert.NotEmpty(result.Diagnostics);
        Assert.NotNull(result.Diagnostics[0].Location);
        AssertPlainData(result, minimumObjects: 5);
    }

    [Fact]
    public void The_purity_check_recognises_what_it_forbids()
    {
        Assert.NotNull(Forbidden(typeof(Microsoft.CodeAnalysis.Location)));
        Assert.NotNull(Forbidden(typeof(Microsoft.CodeAnalysis.Text.SourceText)));
        Assert.NotNull(Forbidden(typeof(Microsoft.CodeAnalysis.AdditionalText)));
        Assert.NotNull(Forbidden(typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation)));
        Assert.NotNull(Forbidden(typeof(NJsonSchema.JsonSchema)));
        Assert.NotNull(Forbidden(typeof(Newtonsoft.Json.Linq.JObject)));
        Assert.NotNull(Forbidden(typeof(ImmutableArray<string>)));
        Assert.NotNull(Forbidden(typeof(List<string>)));
        Assert.NotNull(Forbidden(typeof(string[])));
        Assert.NotNull(Forbidden(typeof(Dictionary<string, string>)));
        Assert.NotNull(Forbidden(typeof(ImmutableDictionary<string, string>)));
        Assert.Null(Forbidden(typeof(EquatableArray<string>)));
        Assert.Null(Forbidden(typeof(TypeModel)));

        var problems = new List<string>();
        Walk(new { Items = new List<int>() }, "probe", problems, new HashSet<object>(ReferenceEqualityComparer.Instance));
        Assert.Single(problems);
    }

    private static void AssertPlainData(ParseResult result, int minimumObjects)
    {
        var problems = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(result, "result", problems, visited);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(visited.Count > minimumObjects, $"The walk saw only {visited.Count} objects; it should have gone through the whole model.");
    }

    private static void Walk(object? value, string path, List<string> problems, HashSet<object> visited)
    {
        if (value is null)
        {
            return;
        }

        Type type = value.GetType();
        if (Forbidden(type) is { } why)
        {
            problems.Add($"{path} is {why}: {type.FullName}");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || value is string or decimal)
        {
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            int index = 0;
            foreach (object? item in (IEnumerable)value)
            {
                Walk(item, $"{path}[{index++}]", problems, visited);
            }

            return;
        }

        bool isModelRecord = type.Namespace is "MediaEvents.Generators.Model" or "MediaEvents.Generators.Diagnostics"
            && type.GetMethod("<Clone>$") is not null;
        if (!isModelRecord)
        {
            problems.Add($"{path} is neither a primitive, a string, an EquatableArray nor a model record: {type.FullName}");
            return;
        }

        if (!visited.Add(value))
        {
            return;
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(static property => property.GetIndexParameters().Length == 0))
        {
            Walk(property.GetValue(value), $"{path}.{property.Name}", problems, visited);
        }
    }

    private static string? Forbidden(Type type)
    {
        string assembly = type.Assembly.GetName().Name ?? string.Empty;
        if (assembly.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || typeof(Microsoft.CodeAnalysis.ISymbol).IsAssignableFrom(type)
            || typeof(Microsoft.CodeAnalysis.Compilation).IsAssignableFrom(type)
            || typeof(Microsoft.CodeAnalysis.SyntaxNode).IsAssignableFrom(type)
            || typeof(Microsoft.CodeAnalysis.Location).IsAssignableFrom(type)
            || typeof(Microsoft.CodeAnalysis.AdditionalText).IsAssignableFrom(type)
            || typeof(Microsoft.CodeAnalysis.Text.SourceText).IsAssignableFrom(type))
        {
            return "a Roslyn object";
        }

        if (assembly.StartsWith("NJsonSchema", StringComparison.Ordinal) || (type.Namespace?.StartsWith("NJsonSchema", StringComparison.Ordinal) ?? false))
        {
            return "an NJsonSchema object";
        }

        if (assembly.StartsWith("Newtonsoft", StringComparison.Ordinal) || (type.Namespace?.StartsWith("Newtonsoft", StringComparison.Ordinal) ?? false))
        {
            return "a Newtonsoft.Json object";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return "an ImmutableArray (compared by reference)";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return "a List (compared by reference)";
        }

        if (type.IsArray)
        {
            return "an array (compared by reference)";
        }

        if (typeof(IDictionary).IsAssignableFrom(type)
            || type.GetInterfaces().Any(static item => item.IsGenericType && (item.GetGenericTypeDefinition() == typeof(IDictionary<,>) || item.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))))
        {
            return "a dictionary (compared by reference)";
        }

        return null;
    }

    private static ParseResult ParseOwnSpec() => Parse(RepositoryPaths.OwnSpec, File.ReadAllText(RepositoryPaths.OwnSpec));

    private static ParseResult Parse(string path, string text) =>
        SpecParser.Parse(new SpecFile(path, text, null), new SpecSettings("MediaEvents", "public", null, null), EquatableArray<SourceDocument>.Empty, CancellationToken.None);

    private static SpecModel OwnModel()
    {
        ParseResult result = ParseOwnSpec();
        Assert.Empty(result.Diagnostics);
        return result.Model ?? throw new InvalidOperationException("The own spec gave no model.");
    }

    private static TypeModel Type(SpecModel model, string name) => Assert.Single(model.Types, type => type.Name == name);

    private static PropertyModel Property(TypeModel type, string jsonName) => Assert.Single(type.AllProperties, property => property.JsonName == jsonName);

    private static IEnumerable<string> Values(SpecModel model, string enumName) =>
        Assert.Single(model.Enums, value => value.Name == enumName).Values.Select(static value => value.Value);
}
