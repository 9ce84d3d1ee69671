using System;

namespace MediaEvents.Benchmarks;

/// <summary>
/// The quick mode for failing deliveries (<c>--hostile</c>): each of <see cref="HostileReadBenchmarks"/>' scenarios
/// read by Dispatch and into a batch, with its time and allocations per input byte and their ratio to the valid
/// delivery's, in the quick mode's best-round measure (process CPU time is the steadier figure on a busy machine).
/// </summary>
public static class HostileComparison
{
    private static readonly string[] s_scenarios =
    [
        "Valid x100", "AllFailures x100", "HalfFailures x100", "BadValues x100", "BadData x100", "EmptyObjects (as large as Valid x100)",
    ];

    public static void Run()
    {
        double validCpu = 0;
        double validBytes = 0;
        Console.WriteLine("# scenario | input bytes | way | CPU us/call | CPU ns/input byte | alloc B/input byte | time vs valid | alloc vs valid");
        foreach (string scenario in s_scenarios)
        {
            var benchmark = new HostileReadBenchmarks { Scenario = scenario };
            benchmark.Setup();
            int length = benchmark.InputLength;
            foreach ((string way, Func<int> read) in new (string, Func<int>)[] { ("Dispatch", benchmark.Dispatch), ("Read (batch)", benchmark.ReadBatch) })
            {
                (_, double cpu) = QuickComparison.BestNanosecondsPerCall(read);
                double bytes = QuickComparison.BytesPerCall(read);
                if (scenario == s_scenarios[0] && way == "Dispatch")
                {
                    (validCpu, validBytes) = (cpu / length, bytes / length);
                }

                Console.WriteLine(FormattableString.Invariant(
                    $"{scenario} | {length} | {way} | {cpu / 1000:F1} | {cpu / length:F2} | {bytes / length:F2} | {cpu / length / validCpu:F2} | {bytes / length / validBytes:F2}"));
            }
        }

    }
}
