using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Messaging;
using Azure.Messaging.EventGrid;

namespace MediaEvents.Benchmarks;

/// <summary>
/// The deliveries the benchmarks read: Media Services events from the bundled samples, repeated to the batch
/// size, in the Event Grid schema or converted to CloudEvents 1.0. Only events the Azure SDK can read too are
/// used, so that every contender does the same work (the SDK rejects numbers where the spec says string).
/// </summary>
public static class Workload
{
    public static byte[] EventGridBatch(int count) => Serialize(Events(count));

    public static byte[] CloudEventsBatch(int count) => Serialize(Events(count).Select(ToCloudEvent));

    /// <summary>
    /// The Event Grid batch of <paramref name="count"/> events in which every <paramref name="failEvery"/>-th event
    /// (1: all of them) fails, at the same size as the valid batch: its <c>eventType</c> member is renamed
    /// <c>eventKinds</c>, so the event has no type (the envelope's failure, as a delivery of <c>{}</c> has).
    /// </summary>
    public static byte[] EventGridBatchFailing(int count, int failEvery) =>
        Serialize(Events(count).Select((item, i) => i % failEvery == 0 ? WithoutType(item) : item));

    /// <summary>
    /// The Event Grid batch of <paramref name="count"/> events, each with an <c>eventTime</c> that is not a time, at
    /// nearly the same size: a value's failure, deeper in the event than the envelope's.
    /// </summary>
    public static byte[] EventGridBatchBadValues(int count) =>
        Serialize(Events(count).Select(static item =>
        {
            item["eventTime"] = new string('x', item["eventTime"]!.GetValue<string>().Length);
            return item;
        }));

    /// <summary>
    /// The Event Grid batch of <paramref name="count"/> events whose data each holds a value of the wrong kind, at
    /// nearly the same size: the data's first number becomes a string of as many <c>x</c> (a number read as text),
    /// or, in data without a number, the data is wrapped in an array (not an object).
    /// </summary>
    public static byte[] EventGridBatchBadData(int count) =>
        Serialize(Events(count).Select(static item =>
        {
            var data = (JsonObject)item["data"]!;
            string? number = data.FirstOrDefault(static member => member.Value?.GetValueKind() == JsonValueKind.Number).Key;
            if (number is not null)
            {
                data[number] = new string('x', data[number]!.ToJsonString().Length);
            }
            else
            {
                item["data"] = new JsonArray(data.DeepClone());
            }

            return item;
        }));

    /// <summary>A JSON array of <c>{}</c> about <paramref name="bytes"/> long: every event fails, 3 bytes each.</summary>
    public static byte[] EmptyObjects(int bytes)
    {
        int count = Math.Max(1, bytes / 3);
        return System.Text.Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("{}", count)) + "]");
    }

    public static byte[] SingleEventGridEvent() => Serialize(Events(1)).AsSpan(1, Serialize(Events(1)).Length - 2).ToArray();

    private static IEnumerable<JsonObject> Events(int count)
    {
        List<JsonObject> templates = Templates();
        for (int i = 0; i < count; i++)
        {
            var copy = (JsonObject)templates[i % templates.Count].DeepClone();
            copy["id"] = Guid.NewGuid().ToString();
            yield return copy;
        }
    }

    private static List<JsonObject> Templates()
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "events");
        var templates = new List<JsonObject>();
        foreach (string file in new[] { "eventgrid-jobs.json", "eventgrid-live.json" })
        {
            foreach (JsonObject item in JsonNode.Parse(File.ReadAllText(Path.Combine(directory, file)))!.AsArray().Cast<JsonObject>())
            {
                if (AzureSdkReads(item))
                {
                    templates.Add(item);
                }
            }
        }

        return templates;
    }

    private static bool AzureSdkReads(JsonObject item)
    {
        try
        {
            EventGridEvent parsed = EventGridEvent.Parse(BinaryData.FromString(item.ToJsonString()));
            return parsed.TryGetSystemEventData(out object? data) && data is not null;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static JsonObject WithoutType(JsonObject item)
    {
        var copy = new JsonObject();
        foreach ((string name, JsonNode? value) in item)
        {
            copy[name == "eventType" ? "eventKinds" : name] = value?.DeepClone();
        }

        return copy;
    }

    private static JsonObject ToCloudEvent(JsonObject item) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = item["id"]!.DeepClone(),
        ["source"] = item["topic"]!.DeepClone(),
        ["subject"] = item["subject"]!.DeepClone(),
        ["type"] = item["eventType"]!.DeepClone(),
        ["time"] = item["eventTime"]!.GetValue<string>().EndsWith('Z') ? item["eventTime"]!.DeepClone() : item["eventTime"]!.GetValue<string>() + "Z",
        ["datacontenttype"] = "application/json",
        ["data"] = item["data"]!.DeepClone(),
    };

    private static byte[] Serialize(IEnumerable<JsonObject> events) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonArray(events.Cast<JsonNode>().ToArray()), JsonNodeContext.Default.JsonArray);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonArray))]
internal sealed partial class JsonNodeContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
