using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MediaEvents.Benchmarks;

/// <summary>
/// The columns the read scenarios are judged by, next to BenchmarkDotNet's mean and allocations: events per
/// second, bytes allocated per event, throughput against the Azure SDK's and time against the floor's, each
/// within the same scenario.
/// </summary>
public sealed class ReadBenchmarksConfig : ManualConfig
{
    public ReadBenchmarksConfig()
    {
        AddColumn(
            new ReadColumn("Events/s", "events read per second", (summary, benchmark) =>
                Events(benchmark) / (Mean(summary, benchmark) / 1e9)),
            new ReadColumn("Alloc/event", "bytes allocated per event", (summary, benchmark) =>
                summary[benchmark]!.GcStats.GetBytesAllocatedPerOperation(benchmark) is long bytes ? bytes / (double)Events(benchmark) : double.NaN),
            new ReadColumn("Throughput vs SDK", "the Azure SDK's time over this one's, same scenario", (summary, benchmark) =>
                Mean(summary, Sibling(summary, benchmark, nameof(ReadBenchmarks.AzureSdk))) / Mean(summary, benchmark)),
            new ReadColumn("Time vs floor", "this one's time over the Utf8JsonReader floor's, same scenario", (summary, benchmark) =>
                Mean(summary, benchmark) / Mean(summary, Sibling(summary, benchmark, nameof(ReadBenchmarks.Floor)))));
    }

    // "EventGrid x100" holds 100 events.
    private static int Events(BenchmarkCase benchmark)
    {
        string scenario = (string)benchmark.Parameters[nameof(ReadBenchmarks.Scenario)];
        return int.Parse(scenario[(scenario.LastIndexOf('x') + 1)..], CultureInfo.InvariantCulture);
    }

    private static double Mean(Summary summary, BenchmarkCase? benchmark) =>
        benchmark is not null && summary[benchmark]?.ResultStatistics is { } statistics ? statistics.Mean : double.NaN;

    private static BenchmarkCase? Sibling(Summary summary, BenchmarkCase benchmark, string method) =>
        summary.BenchmarksCases.FirstOrDefault(candidate =>
            candidate.Descriptor.WorkloadMethod.Name == method
            && Equals(candidate.Parameters[nameof(ReadBenchmarks.Scenario)], benchmark.Parameters[nameof(ReadBenchmarks.Scenario)]));

    private sealed class ReadColumn(string name, string legend, Func<Summary, BenchmarkCase, double> value) : IColumn
    {
        public string Id => nameof(ReadColumn) + "." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            double result = value(summary, benchmarkCase);
            return double.IsNaN(result) ? "-" : result.ToString(result >= 1000 ? "N0" : "0.00", CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
