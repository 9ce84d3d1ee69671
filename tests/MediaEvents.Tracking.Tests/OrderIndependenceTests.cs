using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Xunit;

namespace MediaEvents.Tracking.Tests;

/// <summary>
/// Event Grid delivers at least once and in no guaranteed order: any permutation of a realistic sequence, with any
/// events repeated, must give the state that delivery in time order gives.
/// </summary>
public sealed class OrderIndependenceTests
{
    public static TheoryData<string> ScenarioNames => new() { nameof(Scenarios.JobThatErrors), nameof(Scenarios.LiveEventSession) };

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Any_permutation_with_any_duplicates_gives_the_in_order_state(string scenario)
    {
        MediaEvent[] events = Load(scenario);
        Gen<MediaEvent[]> deliveries =
            from repeated in Gen.Int[0, events.Length - 1].Array[0, events.Length]
            from delivery in Gen.Shuffle(events.Concat(repeated.Select(i => events[i])).ToArray())
            select delivery;

        Gen<(MediaEvent[] Delivery, int Capacity, bool Batched)> cases =
            from delivery in deliveries
            from capacity in Gen.OneOf(Gen.Const(128), Gen.Int[1, 8])
            from batched in Gen.Bool
            select (delivery, capacity, batched);

        cases.Sample(
            c =>
            {
                EntitySnapshot expected = Fold(events, c.Capacity, batched: false);
                EntitySnapshot actual = Fold(c.Delivery, c.Capacity, c.Batched);
                Assert.Equal(MediaStateJson.Serialize(expected), MediaStateJson.Serialize(actual));
                Assert.Equal(expected, actual);
            },
            iter: 300,
            print: c => string.Join(" ", c.Delivery.Select(e => e.Id)) + $" (capacity {c.Capacity}, batched {c.Batched})");
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Each_event_is_applied_once_and_its_repeats_are_duplicates(string scenario)
    {
        MediaEvent[] events = Load(scenario);
        Gen.Shuffle(events.Concat(events).Concat(events.Take(3)).ToArray()).Sample(
            delivery =>
            {
                var tracker = new MediaStateTracker();
                IReadOnlyList<TrackingResult> results = delivery.Select(tracker.Apply).ToArray();
                Assert.Equal(events.Length, results.Count(r => r.Outcome == TrackingOutcome.Applied));
                Assert.Equal(delivery.Length - events.Length, results.Count(r => r.Outcome == TrackingOutcome.Duplicate));
                Assert.All(events, e => Assert.Single(results, r => r.Event.Id == e.Id && r.Outcome == TrackingOutcome.Applied));
            },
            iter: 50);
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void A_snapshot_read_back_from_json_equals_the_one_written(string scenario)
    {
        MediaEvent[] events = Load(scenario);
        Gen.Int[1, events.Length].Sample(
            count =>
            {
                EntitySnapshot snapshot = Fold(events.Take(count), 128, batched: false);
                string json = MediaStateJson.Serialize(snapshot);
                Assert.Equal(snapshot, MediaStateJson.Deserialize(json));
                Assert.Equal(snapshot, MediaStateJson.Deserialize(MediaStateJson.SerializeToUtf8Bytes(snapshot)));
            },
            iter: 30);
    }

    private static MediaEvent[] Load(string scenario) => scenario switch
    {
        nameof(Scenarios.JobThatErrors) => Scenarios.JobThatErrors(),
        nameof(Scenarios.LiveEventSession) => Scenarios.LiveEventSession(),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    private static EntitySnapshot Fold(IEnumerable<MediaEvent> events, int capacity, bool batched)
    {
        var store = new InMemoryMediaStateStore();
        var tracker = new MediaStateTracker(store, new MediaStateTrackerOptions { RecentEventCapacity = capacity });
        if (batched)
        {
            tracker.Apply(events);
        }
        else
        {
            foreach (MediaEvent mediaEvent in events)
            {
                tracker.Apply(mediaEvent);
            }
        }

        MediaEntityKey key = Assert.Single(store.Keys);
        return store.ReadAsync(key).Result!.Snapshot;
    }
}
