using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace MediaEvents.Generators.Tests.RealSpecs;

/// <summary>
/// The expectations and payloads of <see cref="RealSpecTests"/> agree with the specs themselves, without the
/// generator: a failure here is in the test data, not in the code under test.
/// </summary>
public sealed class RealSpecDataTests
{
    [SkippableFact]
    public void Expectations_cover_every_spec_in_the_shared_directory()
    {
        Skip.IfNot(RealSpec.Unavailable is null, RealSpec.Unavailable);

        Assert.Equal(
            Directory.GetFiles(RealSpec.Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            RealSpec.FileNames);
    }

    [SkippableTheory]
    [MemberData(nameof(RealSpec.Files), MemberType = typeof(RealSpec))]
    public void Each_expected_definition_exists_and_its_description_names_its_event(string fileName)
    {
        Skip.IfNot(RealSpec.Unavailable is null, RealSpec.Unavailable);
        RealSpec spec = RealSpec.Get(fileName);
        using JsonDocument document = JsonDocument.Parse(spec.ReadText());
        JsonElement definitions = document.RootElement.GetProperty("definitions");

        Assert.NotEmpty(spec.ExpectedEvents);
        foreach ((string eventType, string definition) in spec.ExpectedEvents)
        {
            Assert.True(definitions.TryGetProperty(definition, out JsonElement schema), $"{fileName} has no definition {definition}");
            string description = schema.GetProperty("description").GetString()!;
            string publisher = eventType[..(eventType.LastIndexOf('.') + 1)];
            string name = eventType[(eventType.LastIndexOf('.') + 1)..];

            // The description may add to the name (LiveEventChannelArchiveHeartbeatEventData): the definition's name decides.
            Assert.Contains(publisher + name, description, StringComparison.Ordinal);
            Assert.Contains(name, definition, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(RealSpec.Files), MemberType = typeof(RealSpec))]
    public void Event_Grid_delivery_holds_one_event_of_each_expected_type(string fileName)
    {
        RealSpec spec = RealSpec.Get(fileName);
        using JsonDocument delivery = JsonDocument.Parse(File.ReadAllBytes(spec.PayloadPath(PayloadEnvelope.EventGrid)));

        Assert.Equal(
            spec.ExpectedEvents.Keys.Order(StringComparer.Ordinal),
            delivery.RootElement.EnumerateArray().Select(static item => item.GetProperty("eventType").GetString()!).Order(StringComparer.Ordinal));
        foreach (JsonElement item in delivery.RootElement.EnumerateArray())
        {
            AssertEnvelope(item, "id", "topic", "subject", "eventType", "eventTime", "data", "dataVersion");
            Assert.True(
                item.TryGetProperty("metadataVersion", out _) || item.TryGetProperty("metaDataVersion", out _),
                $"{item.GetProperty("id")} has no metadataVersion");
        }
    }

    [Theory]
    [MemberData(nameof(RealSpec.Files), MemberType = typeof(RealSpec))]
    public void CloudEvents_delivery_holds_a_few_events_of_expected_types(string fileName)
    {
        RealSpec spec = RealSpec.Get(fileName);
        using JsonDocument delivery = JsonDocument.Parse(File.ReadAllBytes(spec.PayloadPath(PayloadEnvelope.CloudEvents)));

        Assert.InRange(delivery.RootElement.GetArrayLength(), 2, spec.ExpectedEvents.Count);
        foreach (JsonElement item in delivery.RootElement.EnumerateArray())
        {
            AssertEnvelope(item, "id", "source", "specversion", "type", "subject", "time", "data");
            Assert.Equal("1.0", item.GetProperty("specversion").GetString());
            Assert.Contains(item.GetProperty("type").GetString()!, spec.ExpectedEvents.Keys);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(RealSpec.FilesAndEnvelopes), MemberType = typeof(RealSpec))]
    public void Every_event_carries_every_member_its_definition_lists(string fileName, PayloadEnvelope envelope)
    {
        Skip.IfNot(RealSpec.Unavailable is null, RealSpec.Unavailable);
        RealSpec spec = RealSpec.Get(fileName);
        SpecDefinitions definitions = SpecDefinitions.Parse(spec.ReadText());
        using JsonDocument delivery = JsonDocument.Parse(File.ReadAllBytes(spec.PayloadPath(envelope)));

        var missing = new List<string>();
        foreach (JsonElement item in delivery.RootElement.EnumerateArray())
        {
            string eventType = item.GetProperty(envelope == PayloadEnvelope.EventGrid ? "eventType" : "type").GetString()!;
            string definition = spec.ExpectedEvents[eventType];
            JsonElement data = item.GetProperty("data");
            IReadOnlyList<string> members = definitions.MemberNames(definition);
            Assert.NotEmpty(members);
            missing.AddRange(members
                .Where(name => !data.TryGetProperty(name, out _))
                .Select(name => $"{eventType}: no '{name}' ({definition})"));
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    private static void AssertEnvelope(JsonElement item, params string[] members)
    {
        foreach (string member in members)
        {
            Assert.True(item.TryGetProperty(member, out _), $"{item.GetProperty("id")} has no '{member}'");
        }
    }
}
