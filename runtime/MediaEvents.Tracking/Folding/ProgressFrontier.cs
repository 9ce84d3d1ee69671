using System;
using System.Collections.Generic;
using MediaEvents.Json;

namespace MediaEvents.Tracking.Folding;

/// <summary>
/// The progress an output reported, kept so that "the highest progress reported up to time T" can be answered for
/// any T once the output's final time is known, whatever order the events came in. Only the points no other point
/// beats (earlier or as early, and as high or higher) are kept: sorted by time they strictly increase, so with
/// progress from 0 to 100 an output keeps at most 101 points, and in practice one per 5% step.
/// </summary>
internal static class ProgressFrontier
{
    public static ValueList<ProgressPoint> Empty { get; } = new([]);

    public static ValueList<ProgressPoint> Add(ValueList<ProgressPoint> points, ProgressPoint point)
    {
        foreach (ProgressPoint kept in points)
        {
            if (kept.Time <= point.Time && kept.Progress >= point.Progress)
            {
                return points; // beaten (or already there): nothing to add
            }
        }

        var result = new List<ProgressPoint>(points.Count + 1);
        foreach (ProgressPoint kept in points)
        {
            if (!(kept.Time >= point.Time && kept.Progress <= point.Progress))
            {
                result.Add(kept);
            }
        }

        int at = result.FindIndex(kept => kept.Time > point.Time);
        result.Insert(at < 0 ? result.Count : at, point);
        return new ValueList<ProgressPoint>(result);
    }

    /// <summary>The highest progress reported at or before <paramref name="until"/> (any time when null).</summary>
    public static int? HighestUntil(ValueList<ProgressPoint> points, DateTimeOffset? until)
    {
        int? highest = null;
        foreach (ProgressPoint point in points)
        {
            if (until is DateTimeOffset end && point.Time > end)
            {
                break;
            }

            highest = Math.Max(highest ?? 0, point.Progress);
        }

        return highest;
    }
}
