using System;

namespace MediaEvents.Json;

/// <summary>
/// A fast path for the timestamps Event Grid sends (<c>2018-04-20T21:26:13.8978772</c>, with or without
/// <c>Z</c> or <c>+hh:mm</c>): parsed from the UTF-8 bytes directly. Anything else is left to the general
/// parsers by returning false.
/// </summary>
internal static class IsoTimestamp
{
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] is not ((byte)'T' or (byte)'t') || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out int year) || !Digits(text, 5, 2, out int month) || !Digits(text, 8, 2, out int day)
            || !Digits(text, 11, 2, out int hour) || !Digits(text, 14, 2, out int minute) || !Digits(text, 17, 2, out int second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        int position = 19;
        long fraction = 0;
        if (position < text.Length && text[position] == '.')
        {
            position++;
            int digits = 0;
            while (position < text.Length && (uint)(text[position] - '0') <= 9)
            {
                if (digits < 7)
                {
                    fraction = (fraction * 10) + (text[position] - '0');
                }

                digits++;
                position++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        TimeSpan offset = TimeSpan.Zero;
        if (position < text.Length)
        {
            if (text[position] is (byte)'Z' or (byte)'z' && position + 1 == text.Length)
            {
                position++;
            }
            else if (text[position] is (byte)'+' or (byte)'-' && position + 6 == text.Length && text[position + 3] == ':'
                && Digits(text, position + 1, 2, out int offsetHours) && Digits(text, position + 4, 2, out int offsetMinutes)
                && offsetHours <= 14 && offsetMinutes <= 59)
            {
                offset = new TimeSpan(offsetHours, offsetMinutes, 0);
                if (text[position] == '-')
                {
                    offset = -offset;
                }

                position += 6;
            }
            else
            {
                return false;
            }
        }

        var dateTime = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        long utcTicks = dateTime.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(dateTime, offset);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
