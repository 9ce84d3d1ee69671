using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.ConsoleSample;

/// <summary>
/// The <c>mediaevents</c> tool: reads deliveries of Media Services events from files or stdin and reports every
/// event through an <see cref="IMediaEventVisitor"/> — as readable text or as one JSON object per line.
/// </summary>
public static class ConsoleApp
{
    /// <summary>Every event was handled (events of unknown types included).</summary>
    public const int ExitSuccess = 0;

    /// <summary>Some events could not be read; the others were reported.</summary>
    public const int ExitEventsFailed = 1;

    /// <summary>An input could not be opened, is not JSON events or is larger than <c>--max-size</c>, or the arguments were wrong.</summary>
    public const int ExitBadInput = 2;

    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public const string Usage =
        "Usage: mediaevents [--format text|json] [--max-size SIZE] [PATH...]\n" +
        "\n" +
        "Reads Azure Media Services events (Event Grid or CloudEvents 1.0 schema; a JSON array of events\n" +
        "or a single event object) and reports each one as it is read: a file of any size is read as a\n" +
        "stream, holding one event at a time.\n" +
        "\n" +
        "  PATH             a file of events, or - for standard input. Without PATH, the bundled\n" +
        "                   samples are read (events/*.json next to the tool, by file name).\n" +
        "  --format text    one readable line per event, then a summary (default)\n" +
        "  --format json    one JSON object per event per line:\n" +
        "                   {\"id\",\"eventType\",\"schema\",\"known\",\"data\"} or {\"id\",\"eventType\",\"error\"}\n" +
        "  --max-size SIZE  refuse an input larger than SIZE bytes (a suffix K, M or G multiplies by\n" +
        "                   1024, 1024^2 or 1024^3: 64M); without it, inputs of any size are read\n" +
        "  -h, --help       show this help\n" +
        "\n" +
        "Exit status: 0 every event was handled (unknown event types included), 1 some events could\n" +
        "not be read, 2 an input could not be opened, is not JSON or is larger than --max-size, or the\n" +
        "arguments are wrong.\n";

    private const string ToolName = "mediaevents";
    private const string StdinName = "-";

    /// <summary>The directory of the bundled samples, read when no PATH is given.</summary>
    public static string BundledEventsDirectory => Path.Combine(AppContext.BaseDirectory, "events");

    /// <summary>Runs the tool on the bundled samples directory.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdin">What <c>-</c> reads.</param>
    /// <param name="stdout">Receives the report.</param>
    /// <param name="stderr">Receives one line per input that could not be read, or about bad arguments.</param>
    /// <returns>The exit status: <see cref="ExitSuccess"/>, <see cref="ExitEventsFailed"/> or <see cref="ExitBadInput"/>.</returns>
    public static Task<int> RunAsync(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr, BundledEventsDirectory, CancellationToken.None);

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdin">What <c>-</c> reads.</param>
    /// <param name="stdout">Receives the report.</param>
    /// <param name="stderr">Receives one line per input that could not be read, or about bad arguments.</param>
    /// <param name="eventsDirectory">Where the <c>*.json</c> files read without PATH are.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The exit status: <see cref="ExitSuccess"/>, <see cref="ExitEventsFailed"/> or <see cref="ExitBadInput"/>.</returns>
    public static async Task<int> RunAsync(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, string eventsDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(eventsDirectory);

        if (!TryParse(args, out CommandLine command, out string? argumentError))
        {
            Error(stderr, argumentError + "; see --help");
            return ExitBadInput;
        }

        if (command.Help)
        {
            stdout.Write(Usage);
            stdout.Flush();
            return ExitSuccess;
        }

        List<string> inputs = command.Paths;
        if (inputs.Count == 0)
        {
            if (!Directory.Exists(eventsDirectory))
            {
                Error(stderr, eventsDirectory + ": the bundled sample directory does not exist");
                return ExitBadInput;
            }

            string[] files = Directory.GetFiles(eventsDirectory, "*.json");
            Array.Sort(files, static (a, b) => string.CompareOrdinal(Path.GetFileName(a), Path.GetFileName(b)));
            inputs = new List<string>(files);
        }

        IEventReport report = command.Json ? new JsonReport(stdout) : new TextReport(stdout);

        // Read as streams, one event held at a time: the size of an input is limited only when --max-size says so
        // (the limit of one event is then the same; without it, the most one array holds).
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = command.MaxSize ?? long.MaxValue });
        int unreadInputs = 0;
        foreach (string input in inputs)
        {
            if (!await ReadAsync(reader, input, stdin, command.MaxSize, report, stderr, cancellationToken).ConfigureAwait(false))
            {
                unreadInputs++;
            }
        }

        report.Complete(unreadInputs);
        stdout.Flush();
        return unreadInputs > 0 ? ExitBadInput : report.Failures > 0 ? ExitEventsFailed : ExitSuccess;
    }

    // Reads one input and reports each result as it comes, in input order: an event goes through the generated
    // dispatcher, a failure to the report, and neither is kept. On a failure of the whole input, says so on stderr
    // (one line) and returns false; the events before that point have been reported.
    private static async Task<bool> ReadAsync(MediaEventReader reader, string input, Stream stdin, long? maxSize, IEventReport report, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            if (input == StdinName)
            {
                await ReportEachAsync(reader, Limit(stdin, maxSize), DisplayName(input), report, cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (Directory.Exists(input))
            {
                Error(stderr, input + ": is a directory");
                return false;
            }

            var stream = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await ReportEachAsync(reader, Limit(stream, maxSize), input, report, cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        catch (InputTooLargeException exception)
        {
            Error(stderr, DisplayName(input) + ": larger than the limit of " + exception.MaxBytes.ToString(CultureInfo.InvariantCulture) + " bytes (--max-size)");
        }
        catch (MediaEventFormatException exception) when (exception.InnerException is InputTooLargeException)
        {
            Error(stderr, DisplayName(input) + ": " + exception.Message);
        }
        catch (MediaEventFormatException exception)
        {
            Error(stderr, DisplayName(input) + ": not JSON events: " + exception.Message);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            Error(stderr, input + ": no such file");
        }
        catch (UnauthorizedAccessException)
        {
            Error(stderr, input + ": permission denied");
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or NotSupportedException)
        {
            Error(stderr, DisplayName(input) + ": cannot be read: " + exception.Message);
        }

        return false;
    }

    private static async Task ReportEachAsync(MediaEventReader reader, Stream stream, string input, IEventReport report, CancellationToken cancellationToken)
    {
        await foreach (MediaEventReadResult result in reader.ReadEventsAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            if (result.Event is { } mediaEvent)
            {
                MediaEventDispatcher.Dispatch(mediaEvent, report);
            }
            else
            {
                report.ReportFailure(result.Failure!, input);
            }
        }
    }

    private static Stream Limit(Stream stream, long? maxSize) => maxSize is { } limit ? new SizeLimitedStream(stream, limit) : stream;

    private static string DisplayName(string input) => input == StdinName ? "<stdin>" : input;

    private static void Error(TextWriter stderr, string message)
    {
        stderr.Write(ToolName + ": " + message.ReplaceLineEndings(" "));
        stderr.Write('\n');
        stderr.Flush();
    }

    private static bool TryParse(string[] args, out CommandLine command, out string? error)
    {
        command = new CommandLine();
        error = null;
        bool options = true;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!options || arg == StdinName || !arg.StartsWith('-'))
            {
                command.Paths.Add(arg);
                continue;
            }

            string? value = null;
            string name = arg;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }

            switch (name)
            {
                case "--":
                    options = false;
                    break;
                case "-h" or "-?" or "--help":
                    command.Help = true;
                    break;
                case "--format" or "-f":
                    if (value is null)
                    {
                        if (i + 1 >= args.Length)
                        {
                            error = name + ": missing value (text or json)";
                            return false;
                        }

                        value = args[++i];
                    }

                    switch (value)
                    {
                        case "text":
                            command.Json = false;
                            break;
                        case "json":
                            command.Json = true;
                            break;
                        default:
                            error = $"--format: unknown format '{value}' (text or json)";
                            return false;
                    }

                    break;
                case "--max-size":
                    if (value is null)
                    {
                        if (i + 1 >= args.Length)
                        {
                            error = name + ": missing value (a size in bytes, such as 1048576 or 64M)";
                            return false;
                        }

                        value = args[++i];
                    }

                    if (!TryParseSize(value, out long maxSize))
                    {
                        error = $"--max-size: '{value}' is not a size in bytes (such as 1048576 or 64M)";
                        return false;
                    }

                    command.MaxSize = maxSize;
                    break;
                default:
                    error = arg + ": unknown option";
                    return false;
            }
        }

        return true;
    }

    // A positive number of bytes, perhaps with K, M or G (binary multiples, either case).
    private static bool TryParseSize(string text, out long bytes)
    {
        int shift = text.Length == 0 ? 0 : char.ToUpperInvariant(text[^1]) switch
        {
            'K' => 10,
            'M' => 20,
            'G' => 30,
            _ => 0,
        };
        string digits = shift == 0 ? text : text[..^1];
        bytes = 0;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long number)
            && number > 0
            && number <= long.MaxValue >> shift
            && (bytes = number << shift) > 0;
    }

    private sealed class CommandLine
    {
        public long? MaxSize { get; set; }

        public bool Help { get; set; }

        public bool Json { get; set; }

        public List<string> Paths { get; } = new();
    }
}
