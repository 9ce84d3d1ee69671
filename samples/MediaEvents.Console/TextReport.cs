using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using MediaEvents.Json;

namespace MediaEvents.ConsoleSample;

/// <summary>
/// <c>--format text</c>: one readable line per event — time (UTC), type, subject and the facts that matter for
/// the type — then a summary: the count of each event type, of unknown events and of failures.
/// </summary>
public sealed class TextReport : IEventReport
{
    /// <summary>The first line of the summary.</summary>
    public const string SummaryHeader = "-- summary --";

    private const string MediaPrefix = "Microsoft.Media.";
    private const int TypeWidth = 38; // LiveEventIncomingVideoStreamsOutOfSync
    private const int UnknownDataChars = 120;

    // A run of consecutive events that fail for one reason is shown by its first lines and one line for the rest:
    // a file of a million `{}` reports in a few lines, not a million.
    private const int RepeatedFailureLines = 10;

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    private readonly TextWriter _output;
    private readonly SortedDictionary<string, int> _knownCounts = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _unknownTypes = new(StringComparer.Ordinal);
    private int _unknown;
    private int _total;

    // The run of consecutive failures with one reason: its reason and input, its last index, its length, and how
    // many of it were not shown, from which index.
    private string? _runReason;
    private string? _runInput;
    private int _runLastIndex;
    private int _runLength;
    private int _notShown;
    private int _notShownFrom;

    /// <summary>Creates the report.</summary>
    /// <param name="output">Receives the lines (each ends in <c>\n</c>).</param>
    public TextReport(TextWriter output)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
    }

    /// <inheritdoc />
    public int Failures { get; private set; }

    // ----- jobs -----

    /// <inheritdoc />
    public void VisitJobStateChange(MediaEvent<MediaJobStateChangeEventData> mediaEvent) => WriteJob(mediaEvent, mediaEvent.Data, outputs: null);

    /// <inheritdoc />
    public void VisitJobScheduled(MediaEvent<MediaJobScheduledEventData> mediaEvent) => WriteJob(mediaEvent, mediaEvent.Data, outputs: null);

    /// <inheritdoc />
    public void VisitJobProcessing(MediaEvent<MediaJobProcessingEventData> mediaEvent) => WriteJob(mediaEvent, mediaEvent.Data, outputs: null);

    /// <inheritdoc />
    public void VisitJobCanceling(MediaEvent<MediaJobCancelingEventData> mediaEvent) => WriteJob(mediaEvent, mediaEvent.Data, outputs: null);

    /// <inheritdoc />
    public void VisitJobCanceled(MediaEvent<MediaJobCanceledEventData> mediaEvent) => WriteJob(mediaEvent, mediaEvent.Data, mediaEvent.Data.Outputs);

    /// <inheritdoc />
    public void VisitJobErrored(MediaEvent<MediaJobErroredEventData> mediaEvent) => WriteJob(mediaEvent, mediaEvent.Data, mediaEvent.Data.Outputs);

    /// <inheritdoc />
    public void VisitJobFinished(MediaEvent<MediaJobFinishedEventData> mediaEvent) => WriteJob(mediaEvent, mediaEvent.Data, mediaEvent.Data.Outputs);

    // ----- job outputs -----

    /// <inheritdoc />
    public void VisitJobOutputStateChange(MediaEvent<MediaJobOutputStateChangeEventData> mediaEvent) => WriteJobOutput(mediaEvent, mediaEvent.Data);

    /// <inheritdoc />
    public void VisitJobOutputScheduled(MediaEvent<MediaJobOutputScheduledEventData> mediaEvent) => WriteJobOutput(mediaEvent, mediaEvent.Data);

    /// <inheritdoc />
    public void VisitJobOutputProcessing(MediaEvent<MediaJobOutputProcessingEventData> mediaEvent) => WriteJobOutput(mediaEvent, mediaEvent.Data);

    /// <inheritdoc />
    public void VisitJobOutputCanceling(MediaEvent<MediaJobOutputCancelingEventData> mediaEvent) => WriteJobOutput(mediaEvent, mediaEvent.Data);

    /// <inheritdoc />
    public void VisitJobOutputCanceled(MediaEvent<MediaJobOutputCanceledEventData> mediaEvent) => WriteJobOutput(mediaEvent, mediaEvent.Data);

    /// <inheritdoc />
    public void VisitJobOutputErrored(MediaEvent<MediaJobOutputErroredEventData> mediaEvent) => WriteJobOutput(mediaEvent, mediaEvent.Data);

    /// <inheritdoc />
    public void VisitJobOutputFinished(MediaEvent<MediaJobOutputFinishedEventData> mediaEvent) => WriteJobOutput(mediaEvent, mediaEvent.Data);

    /// <inheritdoc />
    public void VisitJobOutputProgress(MediaEvent<MediaJobOutputProgressEventData> mediaEvent)
    {
        MediaJobOutputProgressEventData data = mediaEvent.Data;
        WriteLine(mediaEvent, $"{data.Label ?? "?"} {Percent(data.Progress)}{Extras(data.UnknownMembers)}");
    }

    // ----- live events -----

    /// <inheritdoc />
    public void VisitLiveEventConnectionRejected(MediaEvent<MediaLiveEventConnectionRejectedEventData> mediaEvent)
    {
        MediaLiveEventConnectionRejectedEventData data = mediaEvent.Data;
        WriteLine(mediaEvent, $"rejected encoder {Endpoint(data.EncoderIp, data.EncoderPort)} stream {Text(data.StreamId)}: {Text(data.ResultCode)}{Extras(data.UnknownMembers)}");
    }

    /// <inheritdoc />
    public void VisitLiveEventEncoderConnected(MediaEvent<MediaLiveEventEncoderConnectedEventData> mediaEvent)
    {
        MediaLiveEventEncoderConnectedEventData data = mediaEvent.Data;
        WriteLine(mediaEvent, $"encoder {Endpoint(data.EncoderIp, data.EncoderPort)} stream {Text(data.StreamId)}{Extras(data.UnknownMembers)}");
    }

    /// <inheritdoc />
    public void VisitLiveEventEncoderDisconnected(MediaEvent<MediaLiveEventEncoderDisconnectedEventData> mediaEvent)
    {
        MediaLiveEventEncoderDisconnectedEventData data = mediaEvent.Data;
        WriteLine(mediaEvent, $"encoder {Endpoint(data.EncoderIp, data.EncoderPort)} stream {Text(data.StreamId)} result {Text(data.ResultCode)}{Extras(data.UnknownMembers)}");
    }

    /// <inheritdoc />
    public void VisitLiveEventIncomingStreamReceived(MediaEvent<MediaLiveEventIncomingStreamReceivedEventData> mediaEvent)
    {
        MediaLiveEventIncomingStreamReceivedEventData data = mediaEvent.Data;
        WriteLine(mediaEvent, $"{Track(data.TrackType, data.TrackName)} {Bitrate(data.Bitrate)} from {Endpoint(data.EncoderIp, data.EncoderPort)}{Extras(data.UnknownMembers)}");
    }

    /// <inheritdoc />
    public void VisitLiveEventIngestHeartbeat(MediaEvent<MediaLiveEventIngestHeartbeatEventData> mediaEvent)
    {
        MediaLiveEventIngestHeartbeatEventData data = mediaEvent.Data;
        var facts = new StringBuilder();
        facts.Append(Track(data.TrackType, data.TrackName))
            .Append(" bitrate ").Append(Number(data.Bitrate))
            .Append(" incoming ").Append(Number(data.IncomingBitrate))
            .Append(data.Healthy switch { true => " healthy", false => " UNHEALTHY", null => " health unknown" });

        var problems = new List<string>();
        AddCount(problems, "overlap", data.OverlapCount);
        AddCount(problems, "discontinuity", data.DiscontinuityCount);
        AddCount(problems, "nonincreasing", data.NonincreasingCount);
        if (data.UnexpectedBitrate == true)
        {
            problems.Add("unexpected bitrate");
        }

        if (problems.Count > 0)
        {
            facts.Append(" (").AppendJoin(", ", problems).Append(')');
        }

        if (!string.IsNullOrEmpty(data.State) && !string.Equals(data.State, "Running", StringComparison.OrdinalIgnoreCase))
        {
            facts.Append(" state ").Append(data.State);
        }

        WriteLine(mediaEvent, facts.Append(Extras(data.UnknownMembers)).ToString());
    }

    /// <inheritdoc />
    public void VisitLiveEventIncomingDataChunkDropped(MediaEvent<MediaLiveEventIncomingDataChunkDroppedEventData> mediaEvent)
    {
        MediaLiveEventIncomingDataChunkDroppedEventData data = mediaEvent.Data;
        WriteLine(mediaEvent, $"{Track(data.TrackType, data.TrackName)} dropped chunk at {Text(data.Timestamp)}{Seconds(data.Timestamp, data.Timescale)}: {Text(data.ResultCode)}{Extras(data.UnknownMembers)}");
    }

    /// <inheritdoc />
    public void VisitLiveEventIncomingStreamsOutOfSync(MediaEvent<MediaLiveEventIncomingStreamsOutOfSyncEventData> mediaEvent)
    {
        MediaLiveEventIncomingStreamsOutOfSyncEventData data = mediaEvent.Data;
        string gap = Difference(data.MaxLastTimestamp, data.TimescaleOfMaxLastTimestamp, data.MinLastTimestamp, data.TimescaleOfMinLastTimestamp);
        WriteLine(
            mediaEvent,
            $"min {Text(data.TypeOfStreamWithMinLastTimestamp)} {Text(data.MinLastTimestamp)}, max {Text(data.TypeOfStreamWithMaxLastTimestamp)} {Text(data.MaxLastTimestamp)}{gap}{Extras(data.UnknownMembers)}");
    }

    /// <inheritdoc />
    public void VisitLiveEventIncomingVideoStreamsOutOfSync(MediaEvent<MediaLiveEventIncomingVideoStreamsOutOfSyncEventData> mediaEvent)
    {
        MediaLiveEventIncomingVideoStreamsOutOfSyncEventData data = mediaEvent.Data;
        string gap = Difference(data.FirstTimestamp, data.Timescale, data.SecondTimestamp, data.Timescale);
        WriteLine(
            mediaEvent,
            $"first {Text(data.FirstTimestamp)} (duration {Text(data.FirstDuration)}), second {Text(data.SecondTimestamp)} (duration {Text(data.SecondDuration)}){gap}{Extras(data.UnknownMembers)}");
    }

    /// <inheritdoc />
    public void VisitLiveEventTrackDiscontinuityDetected(MediaEvent<MediaLiveEventTrackDiscontinuityDetectedEventData> mediaEvent)
    {
        MediaLiveEventTrackDiscontinuityDetectedEventData data = mediaEvent.Data;
        WriteLine(
            mediaEvent,
            $"{Track(data.TrackType, data.TrackName)} gap {Text(data.DiscontinuityGap)}{Seconds(data.DiscontinuityGap, data.Timescale)}: {Text(data.PreviousTimestamp)} -> {Text(data.NewTimestamp)}{Extras(data.UnknownMembers)}");
    }

    /// <inheritdoc />
    public void VisitLiveEventChannelArchiveHeartbeat(MediaEvent<MediaLiveEventChannelArchiveHeartbeatEventData> mediaEvent)
    {
        MediaLiveEventChannelArchiveHeartbeatEventData data = mediaEvent.Data;
        WriteLine(mediaEvent, $"archive latency {data.ChannelLatencyMs} ms: {data.LatencyResultCode}{Extras(data.UnknownMembers)}");
    }

    // ----- the rest -----

    /// <inheritdoc />
    public void VisitUnknown(MediaEvent mediaEvent)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        _unknown++;
        _total++;
        _unknownTypes.Add(ShortType(mediaEvent.EventType));
        string data = mediaEvent.RawData.IsEmpty ? "(none)" : CompactJson.ToShortText(mediaEvent.RawData.Span, UnknownDataChars);
        Write($"{Time(mediaEvent)}  (unknown type) {ShortType(mediaEvent.EventType)}  {Text(mediaEvent.Subject)}  data: {data}");
    }

    /// <inheritdoc />
    public void ReportFailure(MediaEventReadFailure failure, string input)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Failures++;
        _total++;
        bool continuesRun = _runReason is not null && failure.Index == _runLastIndex + 1
            && string.Equals(failure.Reason, _runReason, StringComparison.Ordinal) && string.Equals(input, _runInput, StringComparison.Ordinal);
        if (!continuesRun)
        {
            WriteNotShown();
            (_runReason, _runInput, _runLength) = (failure.Reason, input, 0);
        }

        _runLastIndex = failure.Index;
        if (++_runLength > RepeatedFailureLines)
        {
            _notShownFrom = _notShown++ == 0 ? failure.Index : _notShownFrom;
            return;
        }

        var line = new StringBuilder();
        line.Append("FAILED ").Append(failure.Path).Append(": ").Append(OneLine(failure.Reason)).Append("  (").Append(input);
        if (failure.Id is not null)
        {
            line.Append(", id ").Append(failure.Id);
        }

        if (failure.EventType is not null)
        {
            line.Append(", type ").Append(ShortType(failure.EventType));
        }

        Write(line.Append(')').ToString());
    }

    /// <inheritdoc />
    public void Complete(int unreadInputs)
    {
        int width = TypeWidth + 2;
        Write(SummaryHeader);
        foreach (KeyValuePair<string, int> count in _knownCounts)
        {
            Write(count.Key.PadRight(width) + count.Value.ToString(s_invariant).PadLeft(5));
        }

        string unknownTypes = _unknownTypes.Count == 0 ? string.Empty : "  (" + string.Join(", ", _unknownTypes) + ")";
        Write("unknown".PadRight(width) + _unknown.ToString(s_invariant).PadLeft(5) + unknownTypes);
        Write("failed".PadRight(width) + Failures.ToString(s_invariant).PadLeft(5));
        if (unreadInputs > 0)
        {
            Write("inputs not read".PadRight(width) + unreadInputs.ToString(s_invariant).PadLeft(5));
        }

        Write("total events".PadRight(width) + _total.ToString(s_invariant).PadLeft(5));
        _output.Flush();
    }

    // ----- lines -----

    private void WriteJob(MediaEvent mediaEvent, MediaJobStateChangeEventData data, IReadOnlyList<MediaJobOutput>? outputs)
    {
        var facts = new StringBuilder();
        facts.Append(State(data.PreviousState)).Append(" -> ").Append(State(data.State));
        if (outputs is { Count: > 0 })
        {
            facts.Append("  outputs: ");
            for (int i = 0; i < outputs.Count; i++)
            {
                MediaJobOutput output = outputs[i];
                facts.Append(i == 0 ? string.Empty : ", ").Append(OutputName(output)).Append('=').Append(State(output.State)).Append(' ').Append(Percent(output.Progress));
            }

            foreach (MediaJobOutput output in outputs)
            {
                AppendError(facts, output);
            }
        }

        WriteLine(mediaEvent, facts.Append(Extras(data.UnknownMembers)).ToString());
    }

    private void WriteJobOutput(MediaEvent mediaEvent, MediaJobOutputStateChangeEventData data)
    {
        var facts = new StringBuilder();
        MediaJobOutput? output = data.Output;
        facts.Append(output is null ? "?" : OutputName(output)).Append(' ')
            .Append(State(data.PreviousState)).Append(" -> ").Append(output is null ? "?" : State(output.State));
        if (output is not null)
        {
            facts.Append(' ').Append(Percent(output.Progress));
            AppendError(facts, output);
        }

        WriteLine(mediaEvent, facts.Append(Extras(data.UnknownMembers)).ToString());
    }

    private void WriteLine(MediaEvent mediaEvent, string facts)
    {
        _total++;
        string type = ShortType(mediaEvent.EventType);
        _knownCounts[type] = _knownCounts.GetValueOrDefault(type) + 1;
        Write($"{Time(mediaEvent)}  {type.PadRight(TypeWidth)}  {Text(mediaEvent.Subject)}  {facts}");
    }

    private void Write(string line)
    {
        WriteNotShown();
        _output.Write(line);
        _output.Write('\n');
    }

    // The failures of the current run that were not shown, as one line, before anything else is written.
    private void WriteNotShown()
    {
        if (_notShown == 0)
        {
            return;
        }

        _output.Write(string.Create(
            s_invariant,
            $"FAILED $[{_notShownFrom}]..$[{_runLastIndex}]: {_notShown} more event(s), each for the reason above  ({_runInput})\n"));
        _notShown = 0;
        _runReason = null;
    }

    // ----- facts -----

    private static void AppendError(StringBuilder facts, MediaJobOutput output)
    {
        if (output.Error is not { } error)
        {
            return;
        }

        facts.Append("  error ").Append(OutputName(output)).Append(": ").Append(error.Code?.Value ?? "?");
        if (!string.IsNullOrEmpty(error.Message))
        {
            facts.Append(" \"").Append(OneLine(error.Message)).Append('"');
        }

        if (error.Details is { Count: > 0 } details)
        {
            facts.Append(" (+").Append(details.Count.ToString(s_invariant)).Append(details.Count == 1 ? " detail)" : " details)");
        }
    }

    private static string OutputName(MediaJobOutput output) =>
        output.Label ?? (output is MediaJobOutputAsset { AssetName: { } asset } ? asset : output.OdataType);

    private static string State(MediaJobState? state) => state is { } value && value.Value.Length > 0 ? value.Value : "?";

    private static string State(MediaJobState state) => state.Value.Length > 0 ? state.Value : "?";

    private static string Percent(long? progress) => progress is { } value ? value.ToString(s_invariant) + "%" : "?%";

    private static string Number(long? value) => value?.ToString(s_invariant) ?? "?";

    private static string Bitrate(long? bitsPerSecond) => bitsPerSecond is { } value ? value.ToString(s_invariant) + " bps" : "? bps";

    private static string Text(string? value) => string.IsNullOrEmpty(value) ? "-" : OneLine(value);

    private static string Track(string? type, string? name) => $"{Text(type)}/{Text(name)}";

    private static string Endpoint(string? ip, string? port) => $"{Text(ip)}:{Text(port)}";

    private static void AddCount(List<string> problems, string name, long? count)
    {
        if (count is { } value && value != 0)
        {
            problems.Add(name + " " + value.ToString(s_invariant));
        }
    }

    // " (3.753s)" for ticks over a timescale, when both are numbers.
    private static string Seconds(string? ticks, string? timescale) =>
        TrySeconds(ticks, timescale, out double seconds) ? string.Create(s_invariant, $" ({seconds:0.###}s)") : string.Empty;

    private static string Difference(string? later, string? laterScale, string? earlier, string? earlierScale) =>
        TrySeconds(later, laterScale, out double a) && TrySeconds(earlier, earlierScale, out double b)
            ? string.Create(s_invariant, $", apart {a - b:0.###}s")
            : string.Empty;

    private static bool TrySeconds(string? ticks, string? timescale, out double seconds)
    {
        seconds = 0;
        if (!long.TryParse(ticks, NumberStyles.Integer, s_invariant, out long value)
            || !long.TryParse(timescale, NumberStyles.Integer, s_invariant, out long scale)
            || scale <= 0)
        {
            return false;
        }

        seconds = (value / scale) + ((double)(value % scale) / scale);
        return true;
    }

    private static string Extras(JsonMembers? members)
    {
        if (members is null || members.Count == 0)
        {
            return string.Empty;
        }

        var names = new string[members.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = members[i].Name;
        }

        return "  [not in spec: " + string.Join(", ", names) + "]";
    }

    private static string Time(MediaEvent mediaEvent) =>
        mediaEvent.Time is { } time
            ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", s_invariant)
            : "-".PadRight(24);

    private static string ShortType(string eventType) =>
        eventType.StartsWith(MediaPrefix, StringComparison.Ordinal) && eventType.Length > MediaPrefix.Length
            ? eventType[MediaPrefix.Length..]
            : eventType;

    private static string OneLine(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? text.ReplaceLineEndings(" ")
            : text;
}
