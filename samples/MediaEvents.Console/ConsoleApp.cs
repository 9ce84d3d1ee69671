using System;
using System.Collections.Generic;
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

    /// <summary>An input could not be opened or is not JSON events, or the arguments were wrong.</summary>
    public const int ExitBadInput = 2;

    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public const string Usage =
        "Usage: mediaevents [--format text|json] [PATH...]\n" +
        "\n" +
        "Reads Azure Media Services events (Event Grid or CloudEvents 1.0 schema; a JSON array of events\n" +
        "or a single event object) and reports each one.\n" +
        "\n" +
        "  PATH             a file of events, or - for standard input. Without PATH, the bundled\n" +
        "                   samples are read (events/*.json next to the tool, by file name).\n" +
        "  --format text    one readable line per event, then a summary (default)\n" +
        "  --format json    one JSON object per event per line:\n" +
        "                   {\"id\",\"eventType\",\"schema\",\"known\",\"data\"} or {\"id\",\"eventType\",\"error\"}\n" +
        "  -h, --help       show this help\n" +
        "\n" +
        "Exit status: 0 every event was handled (unknown event types included), 1 some events could\n" +
        "not be read, 2 an input could not be opened or is not JSON, or the arguments are wrong.\n";

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
        MediaEventReader reader = MediaEventDispatcher.CreateReader();
        int unreadInputs = 0;
        foreach (string input in inputs)
        {
            MediaEventBatch? batch = await ReadAsync(reader, input, stdin, stderr, cancellationToken).ConfigureAwait(false);
            if (batch is null)
            {
                unreadInputs++;
                continue;
            }

            // Results in input order: an event goes through the generated dispatcher, a failure to the report.
            foreach (MediaEventReadResult result in batch)
            {
                if (result.Event is { } mediaEvent)
                {
                    MediaEventDispatcher.Dispatch(mediaEvent, report);
                }
                else if (result.Failure is { } failure)
                {
                    report.ReportFailure(failure, DisplayName(input));
                }
            }
        }

        report.Complete(unreadInputs);
        stdout.Flush();
        return unreadInputs > 0 ? ExitBadInput : report.Failures > 0 ? ExitEventsFailed : ExitSuccess;
    }

    // Reads one input; on a failure of the whole input, says so on stderr (one line) and returns null.
    private static async Task<MediaEventBatch?> ReadAsync(MediaEventReader reader, string input, Stream stdin, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            if (input == StdinName)
            {
                return await reader.ReadAsync(stdin, cancellationToken).ConfigureAwait(false);
            }

            if (Directory.Exists(input))
            {
                Error(stderr, input + ": is a directory");
                return null;
            }

            var stream = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                return await reader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            }
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

        return null;
    }

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
                default:
                    error = arg + ": unknown option";
                    return false;
            }
        }

        return true;
    }

    private sealed class CommandLine
    {
        public bool Help { get; set; }

        public bool Json { get; set; }

        public List<string> Paths { get; } = new();
    }
}
