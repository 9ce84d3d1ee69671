using System;
using BenchmarkDotNet.Attributes;
using MediaEvents.Benchmarks.Generated;

namespace MediaEvents.Benchmarks;

/// <summary>
/// Deliveries that fail (issue #12), beside the valid one of the same size: every event failing, half of them, each
/// with a bad envelope value, each with a bad data value, and a delivery of <c>{}</c> as large as the valid one. Ours only: the Azure SDK refuses a whole
/// delivery for one bad event. Dispatch and the batch read (which keeps every result) both.
/// </summary>
[MemoryDiagnoser]
public class HostileReadBenchmarks
{
    private readonly MediaEventReader _reader = MediaEventDispatcher.CreateReader();
    private byte[] _json = Array.Empty<byte>();

    [Params("Valid x100", "AllFailures x100", "HalfFailures x100", "BadValues x100", "BadData x100", "EmptyObjects (as large as Valid x100)")]
    public string Scenario { get; set; } = "Valid x100";

    [GlobalSetup]
    public void Setup() => _json = Scenario switch
    {
        "AllFailures x100" => Workload.EventGridBatchFailing(100, failEvery: 1),
        "HalfFailures x100" => Workload.EventGridBatchFailing(100, failEvery: 2),
        "BadValues x100" => Workload.EventGridBatchBadValues(100),
        "BadData x100" => Workload.EventGridBatchBadData(100),
        "EmptyObjects (as large as Valid x100)" => Workload.EmptyObjects(Workload.EventGridBatch(100).Length),
        _ => Workload.EventGridBatch(100),
    };

    /// <summary>The size of the delivery, in bytes.</summary>
    public int InputLength => _json.Length;

    [Benchmark(Baseline = true, Description = "Dispatch")]
    public int Dispatch() => Contenders.Ours(_json);

    [Benchmark(Description = "Read (batch)")]
    public int ReadBatch() => _reader.Read(_json).Count;
}
