using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.ConsoleSample.Tests;

/// <summary>The outcome of one in-process run of the tool.</summary>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>stdout split at <c>\n</c>, without the empty piece after the last line.</summary>
    public string[] Lines => SplitLines(Stdout);

    /// <summary>stderr split at <c>\n</c>, without the empty piece after the last line.</summary>
    public string[] ErrorLines => SplitLines(Stderr);

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return Array.Empty<string>();
        }

        string[] lines = text.Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }
}

/// <summary>Runs <see cref="ConsoleApp"/> in process, and knows the bundled samples.</summary>
internal static class ToolRunner
{
    /// <summary>Where the tool looks without PATH: the samples copied next to it (and so next to these tests).</summary>
    public static string BundledDirectory => ConsoleApp.BundledEventsDirectory;

    /// <summary>The bundled sample files in the order the tool reads them: ordinal by file name.</summary>
    public static string[] BundledFiles
    {
        get
        {
            string[] files = Directory.GetFiles(BundledDirectory, "*.json");
            Array.Sort(files, static (a, b) => string.CompareOrdinal(Path.GetFileName(a), Path.GetFileName(b)));
            return files;
        }
    }

    public static Task<ToolResult> RunAsync(params string[] args) => RunWithStdinAsync(string.Empty, args);

    public static async Task<ToolResult> RunWithStdinAsync(string stdin, params string[] args)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exitCode = await ConsoleApp.RunAsync(args, input, stdout, stderr, BundledDirectory, CancellationToken.None);
        return new ToolResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The events of a file as the test reads them itself: (id, type), in order.</summary>
    public static List<(string Id, string Type)> EventsOf(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        IEnumerable<JsonElement> events = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray()
            : new[] { document.RootElement };
        return events
            .Select(static e => (
                e.GetProperty("id").GetString()!,
                (e.TryGetProperty("eventType", out JsonElement type) ? type : e.GetProperty("type")).GetString()!))
            .ToList();
    }

    /// <summary>Every bundled event, in the order the tool reports them.</summary>
    public static List<(string Id, string Type)> BundledEvents => BundledFiles.SelectMany(EventsOf).ToList();

    public static bool IsKnownType(string eventType) => MediaEventTypes.Catalog.Find(eventType) is not null;
}
