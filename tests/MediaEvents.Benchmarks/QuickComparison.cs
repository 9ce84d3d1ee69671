using System;
using System.Diagnostics;
using System.Globalization;

namespace MediaEvents.Benchmarks;

/// <summary>
/// The quick mode: a short in-process comparison on the 100-event Event Grid batch, printing
/// <c>ratio_vs_azure_sdk</c> (our events/s over the SDK's) and <c>ratio_vs_floor</c> (our time over the floor's).
/// Each contender runs in several rounds after a warm-up; the best round counts, as noise only ever adds time.
/// </summary>
public static class QuickComparison
{
    private const int Rounds = 7;
    private static readonly TimeSpan s_roundTime = TimeSpan.FromMilliseconds(400);

    public static void Run()
    {
        byte[] json = Workload.EventGridBatch(100);
        var binary = BinaryData.FromBytes(json);

        (double ours, double oursCpu) = BestNanosecondsPerCall(() => Contenders.Ours(json));
        (double azure, _) = BestNanosecondsPerCall(() => Contenders.AzureEventGrid(binary));
        (double floor, double floorCpu) = BestNanosecondsPerCall(() => Contenders.Floor(json));

        Console.WriteLine(FormattableString.Invariant($"# 100-event Event Grid batch: ours {ours / 1000:F1} us, Azure SDK {azure / 1000:F1} us, floor {floor / 1000:F1} us"));
        Console.WriteLine(FormattableString.Invariant($"# ours {100 / (ours / 1e9):F0} events/s, Azure SDK {100 / (azure / 1e9):F0} events/s"));
        Console.WriteLine(FormattableString.Invariant($"# allocated per event: ours {BytesPerCall(() => Contenders.Ours(json)) / 100:F0} B, Azure SDK {BytesPerCall(() => Contenders.AzureEventGrid(binary)) / 100:F0} B"));
        Console.WriteLine("ratio_vs_azure_sdk=" + (azure / ours).ToString("F2", CultureInfo.InvariantCulture));
        Console.WriteLine(FormattableString.Invariant($"# process CPU time per call (steadier than wall time on a busy machine): ours {oursCpu / 1000:F1} us, floor {floorCpu / 1000:F1} us, ratio {oursCpu / floorCpu:F2}"));
        Console.WriteLine("ratio_vs_floor=" + (ours / floor).ToString("F2", CultureInfo.InvariantCulture));
    }

    internal static double BytesPerCall(Func<int> action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 10.0;
    }

    // The best round's wall time per call, and the best round's CPU time of the process per call.
    internal static (double Wall, double Cpu) BestNanosecondsPerCall(Func<int> action)
    {
        int sink = 0;
        for (int i = 0; i < 200; i++)
        {
            sink += action();
        }

        double best = double.MaxValue;
        double bestCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int round = 0; round < Rounds; round++)
        {
            long calls = 0;
            process.Refresh();
            TimeSpan cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < s_roundTime)
            {
                for (int i = 0; i < 20; i++)
                {
                    sink += action();
                }

                calls += 20;
            }

            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / calls);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalNanoseconds / calls);
        }

        GC.KeepAlive(sink);
        return (best, bestCpu);
    }
}
