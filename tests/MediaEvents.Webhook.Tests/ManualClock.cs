using System;

namespace MediaEvents.Webhook.Tests;

/// <summary>A clock the test sets: what the tracker reads to tell stale tracks.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
