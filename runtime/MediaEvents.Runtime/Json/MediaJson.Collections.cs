using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MediaEvents.Json;

// One loop for lists and one for maps, whatever reads their items: a struct, so each item reader is called directly.
public static partial class MediaJson
{
    /// <summary>
    /// Reads a JSON array of objects with their reader, into a <see cref="ValueList{T}"/>: an item that is JSON null
    /// fails. <see langword="null"/> for JSON null.
    /// </summary>
    public static ValueList<T>? ReadObjectList<T>(ref Utf8JsonReader reader, MediaJsonReadContext context, MediaJsonValueReader<T?> readItem)
        where T : class
    {
        System.ArgumentNullException.ThrowIfNull(readItem);
        return ReadList<T, ObjectReader<T>>(ref reader, context, new ObjectReader<T>(readItem));
    }

    /// <summary>
    /// Reads a JSON object of objects with their reader, into a <see cref="ValueMap{TValue}"/>: a value that is JSON
    /// null fails. <see langword="null"/> for JSON null.
    /// </summary>
    public static ValueMap<TValue>? ReadObjectMap<TValue>(ref Utf8JsonReader reader, MediaJsonReadContext context, MediaJsonValueReader<TValue?> readValue)
        where TValue : class
    {
        System.ArgumentNullException.ThrowIfNull(readValue);
        return ReadMap<TValue, ObjectReader<TValue>>(ref reader, context, new ObjectReader<TValue>(readValue));
    }

    private static ValueList<T>? ReadList<T, TReader>(ref Utf8JsonReader reader, MediaJsonReadContext context, TReader readItem)
        where TReader : struct, IItemReader<T>
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            RejectUnexpected(ref reader, "an array");
            return null;
        }

        // Typed values nest without bound when a type refers to itself: the limit holds for them as for raw values.
        CheckDepth(ref reader, context);
        var items = new SmallBuilder<T>();
        while (Advance(ref reader) != JsonTokenType.EndArray)
        {
            try
            {
                items.Add(readItem.Read(ref reader, context));
            }
            catch (MediaJsonException exception)
            {
                throw exception.AtIndex(items.Count);
            }
        }

        return new ValueList<T>(items.ToArray(), owned: true);
    }

    private static ValueMap<TValue>? ReadMap<TValue, TReader>(ref Utf8JsonReader reader, MediaJsonReadContext context, TReader readValue)
        where TReader : struct, IItemReader<TValue>
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            RejectUnexpected(ref reader, "an object");
            return null;
        }

        CheckDepth(ref reader, context);
        var entries = new SmallBuilder<KeyValuePair<string, TValue>>();

        // A key is a member name like any other: one that repeats fails, or its last value wins in its first place.
        var keys = new MemberNameIndex();
        while (Advance(ref reader) != JsonTokenType.EndObject)
        {
            string name = context.Strings is { } strings && !reader.ValueIsEscaped && !reader.HasValueSequence
                ? strings.GetString(reader.ValueSpan)
                : GetString(ref reader);
            int earlier = keys.IndexOfOrAdd(name);
            if (earlier >= 0 && !context.AllowDuplicateMembers)
            {
                RejectDuplicateMember(ref reader, name);
            }

            try
            {
                Advance(ref reader);
                var entry = new KeyValuePair<string, TValue>(name, readValue.Read(ref reader, context));
                if (earlier >= 0)
                {
                    entries[earlier] = entry;
                }
                else
                {
                    entries.Add(entry);
                }
            }
            catch (MediaJsonException exception)
            {
                throw exception.InProperty(name);
            }
        }

        return ValueMap<TValue>.FromDistinct(entries.ToArray());
    }

    private interface IItemReader<T>
    {
        T Read(ref Utf8JsonReader reader, MediaJsonReadContext context);
    }

    private readonly struct ItemReader<T>(MediaJsonValueReader<T> read) : IItemReader<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Read(ref Utf8JsonReader reader, MediaJsonReadContext context) => read(ref reader, context);
    }

    // An object reader returns null for JSON null, which a list or map of objects does not hold.
    private readonly struct ObjectReader<T>(MediaJsonValueReader<T?> read) : IItemReader<T>
        where T : class
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Read(ref Utf8JsonReader reader, MediaJsonReadContext context) => read(ref reader, context) ?? NullNotAllowed<T>(ref reader);
    }
}
