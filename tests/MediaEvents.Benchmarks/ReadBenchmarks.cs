using System;
using BenchmarkDotNet.Attributes;

namespace MediaEvents.Benchmarks;

/// <summary>Reading deliveries: ours, the Azure SDK and the floor, on the same bytes.</summary>
[MemoryDiagnoser]
[Config(typeof(ReadBenchmarksConfig))]
public class ReadBenchmarks
{
    private byte[] _json = Array.Empty<byte>();
    private BinaryData _binary = BinaryData.FromBytes(Array.Empty<byte>());

    [Params("EventGrid x100", "CloudEvents x100", "EventGrid x5000", "EventGrid x1")]
    public string Scenario { get; set; } = "EventGrid x100";

    private bool IsCloudEvents => Scenario.StartsWith("CloudEvents", StringComparison.Ordinal);

    [GlobalSetup]
    public void Setup()
    {
        _json = Scenario switch
        {
            "CloudEvents x100" => Workload.CloudEventsBatch(100),
            "EventGrid x5000" => Workload.EventGridBatch(5000),
            "EventGrid x1" => Workload.SingleEventGridEvent(),
            _ => Workload.EventGridBatch(100),
        };
        _binary = BinaryData.FromBytes(_json);
    }

    [Benchmark(Description = "MediaEvents")]
    public int Ours() => Contenders.Ours(_json);

    [Benchmark(Baseline = true, Description = "Azure SDK 4.17")]
    public int AzureSdk() => IsCloudEvents ? Contenders.AzureCloudEvents(_binary) : Contenders.AzureEventGrid(_binary);

    [Benchmark(Description = "Utf8JsonReader floor")]
    public int Floor() => Contenders.Floor(_json);
}
