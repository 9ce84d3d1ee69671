namespace MediaEvents.Benchmarks;
public static class Parts
{
    public static void Run()
    {
        byte[] json = Workload.EventGridBatch(100);
        var empty = new MediaEvents.MediaEventReader(new MediaEvents.MediaEventCatalog());
        var full = MediaEvents.Benchmarks.Generated.MediaEventDispatcher.CreateReader();
        Time("envelope only (all unknown)", () => empty.Read(json).Count);
        Time("read typed", () => full.Read(json).Count);
        Time("read+dispatch", () => Contenders.Ours(json));
        Time("floor", () => Contenders.Floor(json));
        Time("jsondocument", () => { using var d = System.Text.Json.JsonDocument.Parse(json); return 1; });
    }
    static void Time(string name, System.Func<int> a)
    {
        for (int i = 0; i < 300; i++) a();
        double best = double.MaxValue;
        for (int r = 0; r < 5; r++) { var w = System.Diagnostics.Stopwatch.StartNew(); long n = 0; while (w.ElapsedMilliseconds < 300) { a(); n++; } best = System.Math.Min(best, w.Elapsed.TotalMicroseconds / n); }
        long before = System.GC.GetAllocatedBytesForCurrentThread(); a(); long alloc = System.GC.GetAllocatedBytesForCurrentThread() - before;
        System.Console.WriteLine($"{name,-30} {best,8:F1} us  {alloc/100,6} B/event");
    }
}
