using System;

namespace MediaEvents.Tracking;

/// <summary>A progress value an output reported, and when.</summary>
/// <param name="Time">The time of the event that reported it.</param>
/// <param name="Progress">The percentage, 0 to 100.</param>
public readonly record struct ProgressPoint(DateTimeOffset Time, int Progress);
