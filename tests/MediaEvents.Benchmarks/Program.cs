using System;
using System.Linq;
using BenchmarkDotNet.Running;
using MediaEvents.Benchmarks;

if (args.Contains("--parts"))
{
    Parts.Run();
    return 0;
}

if (args.Contains("--quick"))
{
    QuickComparison.Run();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ReadBenchmarks).Assembly).Run(args);
return 0;
