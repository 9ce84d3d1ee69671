using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Webhook.Tests;

/// <summary>The bundled sample deliveries, as they are and taken apart into events to deliver again in other ways.</summary>
internal static class SampleDeliveries
{
    /// <summary>The sample files, each one delivery.</summary>
    public static readonly string[] Files = ["eventgrid-jobs.json", "eventgrid-live.json", "cloudevents-mixed.json", "eventgrid-unknown.json"];

    /// <summary>The Media events the samples hold that the tracker follows (all but two unknown types).</summary>
    public const int TrackedEvents = 15 + 11 + 12 + 1;

    /// <summary>Every event of every sample, as its own JSON text, in file order.</summary>
    public static string[] Events() =>
        Files.SelectMany(static file =>
        {
            using JsonDocument delivery = JsonDocument.Parse(WebhookServer.ReadSample(file));
            return delivery.RootElement.EnumerateArray().Select(static item => item.GetRawText()).ToArray();
        }).ToArray();

    /// <summary>
    /// The events shuffled, some of them twice, cut into deliveries of one to five events: the same events as Event
    /// Grid could deliver them, at least once and in any order.
    /// </summary>
    public static IReadOnlyList<string> Reshuffled(int seed)
    {
        var random = new Random(seed);
        string[] events = Events();
        string[] stream = [.. events, .. events.Where(_ => random.Next(3) == 0)];
        random.Shuffle(stream);
        var deliveries = new List<string>();
        for (int start = 0; start < stream.Length;)
        {
            int size = Math.Min(random.Next(1, 6), stream.Length - start);
            deliveries.Add("[" + string.Join(",", stream, start, size) + "]");
            start += size;
        }

        return deliveries;
    }

    /// <summary>Posts each sample file as one delivery and checks the answer is 200; returns the answers.</summary>
    public static async Task<JsonElement[]> PostAllAsync(WebhookServer server) =>
        await PostAsync(server, Files.Select(WebhookServer.ReadSample));

    /// <summary>Posts the deliveries one after the other and checks each answer is 200; returns the answers.</summary>
    public static async Task<JsonElement[]> PostAsync(WebhookServer server, IEnumerable<string> deliveries)
    {
        var answers = new List<JsonElement>();
        foreach (string delivery in deliveries)
        {
            answers.Add(await PostOneAsync(server, delivery));
        }

        return answers.ToArray();
    }

    /// <summary>Posts one delivery and checks the answer is 200; returns it.</summary>
    public static async Task<JsonElement> PostOneAsync(WebhookServer server, string delivery)
    {
        using HttpResponseMessage response = await server.PostEventsAsync(delivery);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using JsonDocument answer = JsonDocument.Parse(body);
        return answer.RootElement.Clone();
    }

    /// <summary>The sum of one count over the answers.</summary>
    public static int Sum(IEnumerable<JsonElement> answers, string count) => answers.Sum(answer => answer.GetProperty(count).GetInt32());
}
