using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MediaEvents.ConsoleSample;

/// <summary>
/// <c>--format json</c>: one JSON object per event per line, in input order —
/// <c>{"id","eventType","schema","known","data"}</c> for an event, <c>{"id","eventType","error"}</c> for one that
/// could not be read. Known data is written back by the generated writers, unknown data as it arrived (compacted).
/// </summary>
public sealed class JsonReport : IEventReport
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        // Not HTML: keep '+', '<', '\'' and non-ASCII text readable. The output is UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly ArrayBufferWriter<byte> _data = new(4096);

    /// <summary>Creates the report.</summary>
    /// <param name="output">Receives the lines (each ends in <c>\n</c>).</param>
    public JsonReport(TextWriter output)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
    }

    /// <inheritdoc />
    public int Failures { get; private set; }

    /// <inheritdoc />
    public void VisitJobCanceled(MediaEvent<MediaJobCanceledEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobCanceling(MediaEvent<MediaJobCancelingEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobErrored(MediaEvent<MediaJobErroredEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobFinished(MediaEvent<MediaJobFinishedEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputCanceled(MediaEvent<MediaJobOutputCanceledEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputCanceling(MediaEvent<MediaJobOutputCancelingEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputErrored(MediaEvent<MediaJobOutputErroredEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputFinished(MediaEvent<MediaJobOutputFinishedEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputProcessing(MediaEvent<MediaJobOutputProcessingEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputProgress(MediaEvent<MediaJobOutputProgressEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputScheduled(MediaEvent<MediaJobOutputScheduledEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputStateChange(MediaEvent<MediaJobOutputStateChangeEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobProcessing(MediaEvent<MediaJobProcessingEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobScheduled(MediaEvent<MediaJobScheduledEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitJobStateChange(MediaEvent<MediaJobStateChangeEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitLiveEventChannelArchiveHeartbeat(MediaEvent<MediaLiveEventChannelArchiveHeartbeatEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitLiveEventConnectionRejected(MediaEvent<MediaLiveEventConnectionRejectedEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitLiveEventEncoderConnected(MediaEvent<MediaLiveEventEncoderConnectedEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitLiveEventEncoderDisconnected(MediaEvent<MediaLiveEventEncoderDisconnectedEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitLiveEventIncomingDataChunkDropped(MediaEvent<MediaLiveEventIncomingDataChunkDroppedEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitLiveEventIncomingStreamReceived(MediaEvent<MediaLiveEventIncomingStreamReceivedEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitLiveEventIncomingStreamsOutOfSync(MediaEvent<MediaLiveEventIncomingStreamsOutOfSyncEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitLiveEventIncomingVideoStreamsOutOfSync(MediaEvent<MediaLiveEventIncomingVideoStreamsOutOfSyncEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitLiveEventIngestHeartbeat(MediaEvent<MediaLiveEventIngestHeartbeatEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitLiveEventTrackDiscontinuityDetected(MediaEvent<MediaLiveEventTrackDiscontinuityDetectedEventData> mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void VisitUnknown(MediaEvent mediaEvent) => WriteEvent(mediaEvent);

    /// <inheritdoc />
    public void ReportFailure(MediaEventReadFailure failure, string input)
    {
        ArgumentNullException.ThrowIfNull(failure);
        WriteError(failure.Id, failure.EventType, failure.Path + ": " + failure.Reason);
    }

    /// <inheritdoc />
    public void Complete(int unreadInputs) => _output.Flush();

    private void WriteEvent(MediaEvent mediaEvent)
    {
        // The data first, on its own: should a writer refuse it, the event becomes an error line, not half a line.
        _data.ResetWrittenCount();
        try
        {
            using (var dataWriter = new Utf8JsonWriter(_data, s_writerOptions))
            {
                mediaEvent.WriteData(dataWriter);
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            WriteError(mediaEvent.Id, mediaEvent.EventType, "data: cannot be written: " + exception.Message);
            return;
        }

        _line.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_line, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, mediaEvent.Id);
            writer.WriteString("eventType"u8, mediaEvent.EventType);
            writer.WriteString("schema"u8, mediaEvent.Schema == MediaEventSchema.CloudEvents ? "CloudEvents"u8 : "EventGrid"u8);
            writer.WriteBoolean("known"u8, mediaEvent.IsKnown);
            writer.WritePropertyName("data"u8);

            // Written compact by the runtime (raw values go through the writer token by token): one line.
            writer.WriteRawValue(_data.WrittenSpan, skipInputValidation: true);
            writer.WriteEndObject();
        }

        WriteLine();
    }

    private void WriteError(string? id, string? eventType, string error)
    {
        Failures++;
        _line.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_line, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, id);
            writer.WriteString("eventType"u8, eventType);
            writer.WriteString("error"u8, error);
            writer.WriteEndObject();
        }

        WriteLine();
    }

    private void WriteLine()
    {
        _output.Write(Encoding.UTF8.GetString(_line.WrittenSpan));
        _output.Write('\n');
    }
}
