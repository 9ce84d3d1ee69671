using System.Collections.Generic;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents.Tests;

/// <summary>
/// A hand-written stand-in for the generated catalogue: two event types whose data readers and writers are written
/// the way the source generator emits them (name matching with <see cref="MediaJsonPropertyNames"/>, tolerant
/// <see cref="MediaJson"/> readers, unknown members kept, failures located with <see cref="MediaJsonException.InProperty"/>).
/// </summary>
internal static class TestCatalog
{
    public const string JobStateChangeName = "Microsoft.Media.JobStateChange";
    public const string JobOutputProgressName = "Microsoft.Media.JobOutputProgress";

    public static readonly MediaEventType<StateChangeData> JobStateChange =
        new(JobStateChangeName, StateChangeData.ReadValue, StateChangeData.WriteValue);

    public static readonly MediaEventType<ProgressData> JobOutputProgress =
        new(JobOutputProgressName, ProgressData.ReadValue, ProgressData.WriteValue);

    /// <summary>The catalogue; its entries can belong to one catalogue only, so every test shares it.</summary>
    public static readonly MediaEventCatalog Catalog = new(JobStateChange, JobOutputProgress);

    public static MediaEventReader Reader(MediaEventReaderOptions? options = null) => new(Catalog, options);
}

/// <summary>The data of <c>Microsoft.Media.JobStateChange</c>: no required members.</summary>
internal sealed class StateChangeData
{
    private static readonly MediaJsonPropertyNames s_names = new("previousState", "state");

    public string? PreviousState { get; init; }

    public string? State { get; init; }

    public JsonMembers? UnknownMembers { get; init; }

    public static StateChangeData? ReadValue(ref Utf8JsonReader reader, MediaJsonReadContext context)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        MediaJson.ExpectStartObject(ref reader);
        string? previousState = null;
        string? state = null;
        List<JsonMember>? unknown = null;
        while (MediaJson.Advance(ref reader) != JsonTokenType.EndObject)
        {
            int property = s_names.Match(ref reader);
            if (property < 0)
            {
                MediaJson.ReadUnknownMember(ref reader, context, ref unknown);
                continue;
            }

            MediaJson.Advance(ref reader);
            try
            {
                switch (property)
                {
                    case 0:
                        previousState = MediaJson.ReadString(ref reader);
                        break;
                    default:
                        state = MediaJson.ReadString(ref reader);
                        break;
                }
            }
            catch (MediaJsonException exception)
            {
                throw exception.InProperty(property == 0 ? "previousState" : "state");
            }
        }

        return new StateChangeData
        {
            PreviousState = previousState,
            State = state,
            UnknownMembers = JsonMembers.From(unknown),
        };
    }

    public static void WriteValue(Utf8JsonWriter writer, StateChangeData value)
    {
        writer.WriteStartObject();
        if (value.PreviousState is not null)
        {
            writer.WriteString("previousState", value.PreviousState);
        }

        if (value.State is not null)
        {
            writer.WriteString("state", value.State);
        }

        value.UnknownMembers?.WriteTo(writer);
        writer.WriteEndObject();
    }
}

/// <summary>The data of <c>Microsoft.Media.JobOutputProgress</c>: <c>progress</c> is a required int64.</summary>
internal sealed class ProgressData
{
    private static readonly MediaJsonPropertyNames s_names = new("label", "progress");

    public string? Label { get; init; }

    public long? Progress { get; init; }

    public JsonMembers? UnknownMembers { get; init; }

    public static ProgressData? ReadValue(ref Utf8JsonReader reader, MediaJsonReadContext context)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        MediaJson.ExpectStartObject(ref reader);
        string? label = null;
        long? progress = null;
        bool hasProgress = false;
        List<JsonMember>? unknown = null;
        while (MediaJson.Advance(ref reader) != JsonTokenType.EndObject)
        {
            int property = s_names.Match(ref reader);
            if (property < 0)
            {
                MediaJson.ReadUnknownMember(ref reader, context, ref unknown);
                continue;
            }

            MediaJson.Advance(ref reader);
            try
            {
                switch (property)
                {
                    case 0:
                        label = MediaJson.ReadString(ref reader);
                        break;
                    default:
                        hasProgress = true;
                        progress = MediaJson.ReadInt64(ref reader) ?? throw MediaJson.Unexpected(ref reader, "an integer (int64)");
                        break;
                }
            }
            catch (MediaJsonException exception)
            {
                throw exception.InProperty(property == 0 ? "label" : "progress");
            }
        }

        if (!hasProgress)
        {
            throw MediaJson.MissingRequired("progress");
        }

        return new ProgressData
        {
            Label = label,
            Progress = progress,
            UnknownMembers = JsonMembers.From(unknown),
        };
    }

    public static void WriteValue(Utf8JsonWriter writer, ProgressData value)
    {
        writer.WriteStartObject();
        if (value.Label is not null)
        {
            writer.WriteString("label", value.Label);
        }

        if (value.Progress is long progress)
        {
            writer.WriteNumber("progress", progress);
        }

        value.UnknownMembers?.WriteTo(writer);
        writer.WriteEndObject();
    }
}
