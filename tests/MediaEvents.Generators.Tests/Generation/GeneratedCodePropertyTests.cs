using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsCheck;
using MediaEvents.Generated;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// Property tests (CsCheck) per event type, on the code generated into this assembly: any valid event, in
/// either envelope, reads back equal to what was written; and mutated bytes of a valid delivery never escape
/// as anything but a batch of per-event results or a <see cref="MediaEventFormatException"/>.
/// </summary>
public sealed class GeneratedCodePropertyTests
{
    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String,
        Gen.OneOf("", "Finished", "finished", "0", "-12", "9223372036854775807", "a\"b\\c\u00e9\u4e2d\ud83c\udfa5", "  padded  "));

    public static IEnumerable<object[]> EventTypes() =>
        MediaEventTypes.Catalog.Types.Select(static type => new object[] { type.Name });

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Any_valid_event_of_the_type_reads_back_equal_in_both_envelopes(string eventType)
    {
        MediaEventType type = MediaEventTypes.Catalog.Find(eventType)!;
        Gen<(object Data, bool CloudEvents, string Id, string Subject)> gen =
            Gen.Select(ValueOf(type.DataType, depth: 0), Gen.Bool, Gen.String, s_text);

        gen.Sample(sample =>
        {
            byte[] json = Envelope(type, sample.Data, sample.CloudEvents, sample.Id, sample.Subject);
            MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);

            MediaEventReadResult result = Assert.Single(batch);
            Assert.True(result.Succeeded, result.Failure?.ToString());
            MediaEvent mediaEvent = result.Event!;
            Assert.Same(type, mediaEvent.KnownType);
            Assert.Equal(sample.Id, mediaEvent.Id);
            Assert.Equal(sample.Subject, mediaEvent.Subject);
            Assert.Equal(sample.CloudEvents ? MediaEventSchema.CloudEvents : MediaEventSchema.EventGrid, mediaEvent.Schema);
            Assert.Equal(sample.Data, mediaEvent.TypedData);
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Mutated_bytes_of_a_valid_delivery_give_per_event_results_or_a_format_exception(string eventType)
    {
        MediaEventType type = MediaEventTypes.Catalog.Find(eventType)!;
        Gen<(object Data, int Position, byte Value, int Mode)> gen =
            Gen.Select(ValueOf(type.DataType, depth: 0), Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[0, 2]);

        gen.Sample(sample =>
        {
            byte[] valid = Envelope(type, sample.Data, cloudEvents: false, "id-1", "subject");
            byte[] json = Mutate(valid, sample.Position % valid.Length, sample.Value, sample.Mode);
            try
            {
                MediaEventBatch batch = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxDepth = 8 }).Read(json);
                Assert.All(batch, static result => Assert.True(result.Succeeded ^ (result.Failure is not null)));
                Assert.All(batch.Failures, static failure => Assert.StartsWith("$", failure.Path));
            }
            catch (MediaEventFormatException)
            {
                // The documented result for input that is not a JSON array or object of events.
            }
        }, iter: 300);
    }

    private static byte[] Mutate(byte[] valid, int position, byte value, int mode)
    {
        var bytes = new List<byte>(valid);
        switch (mode)
        {
            case 0:
                bytes[position] = value;
                break;
            case 1:
                bytes.RemoveAt(position);
                break;
            default:
                bytes.RemoveRange(position, bytes.Count - position);
                break;
        }

        return bytes.ToArray();
    }

    private static byte[] Envelope(MediaEventType type, object data, bool cloudEvents, string id, string subject)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString(cloudEvents ? "source" : "topic", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Media/mediaservices/a");
            writer.WriteString("subject", subject);
            writer.WriteString(cloudEvents ? "type" : "eventType", type.Name);
            writer.WriteString(cloudEvents ? "time" : "eventTime", "2018-10-12T16:25:56.4115495");
            writer.WritePropertyName("data");
            WriteData(type, writer, data);
            writer.WriteString(cloudEvents ? "specversion" : "dataVersion", "1.0");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteData(MediaEventType type, Utf8JsonWriter writer, object data) =>
        type.GetType().GetMethod(nameof(MediaEventType<object>.WriteData))!.Invoke(type, new[] { writer, data });

    /// <summary>A generator of values of a generated type, by reflection over its init-only properties.</summary>
    private static Gen<object> ValueOf(Type type, int depth)
    {
        if (type == typeof(string))
        {
            return s_text.Select(static value => (object)value);
        }

        if (type == typeof(long))
        {
            return Gen.Long.Select(static value => (object)value);
        }

        if (type == typeof(int))
        {
            return Gen.Int.Select(static value => (object)value);
        }

        if (type == typeof(bool))
        {
            return Gen.Bool.Select(static value => (object)value);
        }

        if (type.IsValueType)
        {
            // An extensible enum: a known value or any other string.
            string[] known = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Select(property => property.GetValue(null)!.ToString()!).ToArray();
            return Gen.OneOf(Gen.OneOf(known), Gen.String).Select(value => Activator.CreateInstance(type, value)!);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            Type element = type.GetGenericArguments()[0];
            return ValueOf(element, depth + 1).List[0, depth > 1 ? 0 : 3]
                .Select(items => Activator.CreateInstance(typeof(ValueList<>).MakeGenericType(element), CastList(element, items))!);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return Gen.Select(Gen.String, s_text).List[0, 4].Select(static entries =>
                (object)new ValueMap<string>(entries.GroupBy(static entry => entry.Item1).Select(static group => new KeyValuePair<string, string>(group.Key, group.Last().Item2))));
        }

        if (type.IsAbstract)
        {
            Type[] subtypes = type.Assembly.GetTypes().Where(candidate => candidate.BaseType == type).ToArray();
            return Gen.OneOf(subtypes.Select(subtype => ValueOf(subtype, depth)).ToArray());
        }

        return ObjectOf(type, depth);
    }

    private static Gen<object> ObjectOf(Type type, int depth)
    {
        PropertyInfo[] properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(static property => property.CanWrite && property.Name != nameof(MediaJobStateChangeEventData.UnknownMembers))
            .ToArray();
        Gen<object?[]> values = Gen.Const(Array.Empty<object?>());
        foreach (PropertyInfo property in properties)
        {
            Type propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            Gen<object?> value = ValueFor(type, property, propertyType, depth);
            values = values.SelectMany(previous => value.Select(next => previous.Append(next).ToArray()));
        }

        Gen<JsonMembers?> unknown = Gen.OneOf(
            Gen.Const((JsonMembers?)null),
            Gen.OneOf("1", "\"text\"", "[1,{\"a\":null}]", "{\"nested\":{\"deep\":[true,false]}}").List[1, 3]
                .Select(static raws => (JsonMembers?)new JsonMembers(raws.Select(static (raw, i) => new JsonMember("x-extra-" + i, Encoding.UTF8.GetBytes(raw))))));

        return Gen.Select(values, unknown, (assigned, members) =>
        {
            object instance = Activator.CreateInstance(type)!;
            for (int i = 0; i < properties.Length; i++)
            {
                properties[i].SetValue(instance, assigned[i]);
            }

            type.GetProperty(nameof(MediaJobStateChangeEventData.UnknownMembers))!.SetValue(instance, members);
            return instance;
        });
    }

    private static Gen<object?> ValueFor(Type owner, PropertyInfo property, Type propertyType, int depth)
    {
        // The discriminator decides the subtype: keep it consistent with the type being built.
        if (property.Name == nameof(MediaJobOutput.OdataType))
        {
            return owner == typeof(MediaJobOutputAsset)
                ? Gen.Const<object?>("#Microsoft.Media.JobOutputAsset")
                : Gen.OneOf("#Microsoft.Media.JobOutputFutureKind", "#Other").Select(static value => (object?)value);
        }

        Gen<object?> present = ValueOf(propertyType, depth + 1).Select(static value => (object?)value);
        bool required = property.GetCustomAttributes().Any(static attribute => attribute.GetType().Name == "RequiredMemberAttribute");
        return required ? present : Gen.OneOf(present, Gen.Const((object?)null));
    }

    private static object CastList(Type element, List<object> items)
    {
        Array array = Array.CreateInstance(element, items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        return array;
    }
}
