using System;
using System.Linq;
using BenchmarkDotNet.Running;
using MediaEvents.Benchmarks;

if (args.Contains("--profile"))
{
    byte[] json = args.Contains("cloudevents") ? Workload.CloudEventsBatch(100) : Workload.EventGridBatch(100);
    var watch = System.Diagnostics.Stopwatch.StartNew();
    int sink = 0;
    while (watch.Elapsed.TotalSeconds < 8)
    {
        sink += Contenders.Ours(json);
    }

    return sink == 0 ? 1 : 0;
}

if (args.Contains("--check-generator"))
{
    GeneratorBenchmarks.Check();
    return 0;
}

if (args.Contains("--parts"))
{
    int at = Array.IndexOf(args, "--parts");
    Parts.Run(at + 1 < args.Length ? args[at + 1] : "eventgrid");
    return 0;
}

if (args.Contains("--compile-cost"))
{
    CompileCost.Run();
    return 0;
}

if (args.Contains("--build-cost"))
{
    BuildCost.Run();
    return 0;
}

if (args.Contains("--hostile"))
{
    HostileComparison.Run();
    return 0;
}

if (args.Contains("--tracking"))
{
    await TrackingThroughput.RunAsync();
    return 0;
}

if (args.Contains("--quick"))
{
    QuickComparison.Run();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ReadBenchmarks).Assembly).Run(args);
return 0;
