using System;
using System.Diagnostics;
using System.Text.Json;
using MediaEvents.Benchmarks.Generated;

namespace MediaEvents.Benchmarks;

/// <summary>
/// <c>--parts [cloudevents|single]</c>: where our time goes, stage by stage, on one delivery: the envelope alone
/// (every type unknown), reading typed events, reading and dispatching, against the floor, a walk without
/// Utf8JsonReader (<see cref="HandWrittenWalk"/>) and a JsonDocument parse. A diagnostic for working on the reader, not a result: the benchmarks are the measurement.
/// </summary>
public static class Parts
{
    public static void Run(string scenario)
    {
        byte[] json = scenario switch
        {
            "cloudevents" => Workload.CloudEventsBatch(100),
            "single" => Workload.SingleEventGridEvent(),
            _ => Workload.EventGridBatch(100),
        };
        int events = scenario == "single" ? 1 : 100;
        var envelopeOnly = new MediaEventReader(new MediaEventCatalog());
        MediaEventReader typed = MediaEventDispatcher.CreateReader();

        Console.WriteLine($"# {scenario}: {json.Length} bytes, {events} events; best of 5 rounds");

        // Both contenders sum the subject lengths of the events they read as typed: equal sums, same work.
        var binary = BinaryData.FromBytes(json);
        int sdk = scenario == "cloudevents" ? Contenders.AzureCloudEvents(binary) : Contenders.AzureEventGrid(binary);
        Console.WriteLine($"# subject lengths summed: ours {Contenders.Ours(json)}, Azure SDK {sdk}");
        Console.WriteLine($"# tokens: floor {Contenders.Floor(json)}, hand-written walk {HandWrittenWalk.CountTokens(json)}");
        Time("envelope only (types unknown)", events, () => envelopeOnly.Read(json).Count);
        Time("read typed events", events, () => typed.Read(json).Count);
        Time("read and dispatch", events, () => Contenders.Ours(json));
        Time("floor", events, () => Contenders.Floor(json));
        Time("hand-written walk", events, () => HandWrittenWalk.CountTokens(json));
        Time("JsonDocument.Parse", events, () =>
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return (int)document.RootElement.ValueKind;
        });
    }

    private static void Time(string name, int events, Func<int> action)
    {
        for (int i = 0; i < 300; i++)
        {
            action();
        }

        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var watch = Stopwatch.StartNew();
            long calls = 0;
            while (watch.ElapsedMilliseconds < 300)
            {
                action();
                calls++;
            }

            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / calls);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine(FormattableString.Invariant($"{name,-32} {best,9:F2} us  {allocated / events,6} B/event"));
    }
}
