using System;
using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using MediaEvents.Benchmarks.Generated;

namespace MediaEvents.Benchmarks;

/// <summary>The three ways to read a delivery that every scenario compares.</summary>
public static class Contenders
{
    /// <summary>Ours: bytes to typed events to a visitor that reads one field of each.</summary>
    public static int Ours(ReadOnlyMemory<byte> utf8Json)
    {
        var visitor = new OneFieldVisitor();
        MediaEventDispatcher.Dispatch(utf8Json, visitor);
        return visitor.Total;
    }

    /// <summary>Azure.Messaging.EventGrid: ParseMany, then TryGetSystemEventData on each event.</summary>
    public static int AzureEventGrid(BinaryData utf8Json)
    {
        int total = 0;
        foreach (EventGridEvent item in EventGridEvent.ParseMany(utf8Json))
        {
            if (item.TryGetSystemEventData(out object? data) && data is not null)
            {
                total += item.Subject.Length;
            }
        }

        return total;
    }

    /// <summary>Azure.Core's CloudEvent: ParseMany, then TryGetSystemEventData on each event.</summary>
    public static int AzureCloudEvents(BinaryData utf8Json)
    {
        int total = 0;
        foreach (CloudEvent item in CloudEvent.ParseMany(utf8Json))
        {
            if (item.TryGetSystemEventData(out object? data) && data is not null)
            {
                total += item.Subject!.Length;
            }
        }

        return total;
    }

    /// <summary>The floor: a Utf8JsonReader walk over the same bytes, creating nothing.</summary>
    public static int Floor(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    private sealed class OneFieldVisitor : NonExhaustiveMediaEventVisitor
    {
        public int Total { get; private set; }

        protected override void VisitOther(MediaEvent mediaEvent) => Total += mediaEvent.Subject!.Length;
    }
}
