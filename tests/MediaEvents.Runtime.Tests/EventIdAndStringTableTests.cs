using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>
/// Ids are kept as their bytes and decoded when first asked for; repeated strings come from a per-thread table.
/// Neither may change what a user reads.
/// </summary>
public sealed class EventIdAndStringTableTests
{
    private static string WithId(string idJson) =>
        $$$"""{"id":{{{idJson}}},"eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","data":{"state":"Finished"}}""";

    [Theory]
    [InlineData("\"b9d38923-9210-4c2b-958f-0054467d4dd7\"", "b9d38923-9210-4c2b-958f-0054467d4dd7")]
    [InlineData("\"\"", "")]
    [InlineData("\"a\\/b\\u0041\"", "a/bA")]
    [InlineData("\"caf\u00e9-\u6771\u4eac\"", "caf\u00e9-\u6771\u4eac")]
    [InlineData("12345", "12345")]
    public void The_id_reads_as_written_however_it_was_encoded(string idJson, string expected)
    {
        foreach (string json in new[] { WithId(idJson), "[" + WithId(idJson) + "]" })
        {
            MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(Encoding.UTF8.GetBytes(json));

            Assert.False(batch.HasFailures, json);
            MediaEvent mediaEvent = Assert.Single(batch.Events);
            Assert.Equal(expected, mediaEvent.Id);
            Assert.Same(mediaEvent.Id, mediaEvent.Id);
        }
    }

    [Fact]
    public void An_id_that_is_not_utf8_fails_its_event_when_read_not_later()
    {
        byte[] good = Encoding.UTF8.GetBytes(WithId("\"ok\""));
        byte[] bad = Encoding.UTF8.GetBytes(WithId("\"xx\""));
        bad[bad.AsSpan().IndexOf("xx"u8)] = 0xFF;
        byte[] json = [(byte)'[', .. good, (byte)',', .. bad, (byte)']'];

        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);

        Assert.Equal("ok", Assert.Single(batch.Events).Id);
        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal("$[1].id", failure.Path);
        Assert.Null(failure.Id);
        Assert.NotNull(failure.EventType);
    }

    [Fact]
    public void A_failed_event_still_names_its_id()
    {
        string json = WithId("\"the-id\"").Replace("{\"state\":\"Finished\"}", "[1]");

        MediaEventReadFailure failure = Assert.Single(MediaEventDispatcher.CreateReader().Read(json).Failures);

        Assert.Equal("the-id", failure.Id);
        Assert.Equal("$.data", failure.Path);
    }

    [Fact]
    public void A_missing_id_is_still_missing()
    {
        string json = """{"eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","data":{"state":"Finished"}}""";

        MediaEventReadFailure failure = Assert.Single(MediaEventDispatcher.CreateReader().Read(json).Failures);

        Assert.Contains("'id'", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_set_by_a_user_is_the_id()
    {
        var mediaEvent = new MediaEvent("Contoso.Custom") { Id = "mine" };

        Assert.Equal("mine", mediaEvent.Id);
        Assert.Throws<ArgumentNullException>(() => new MediaEvent("Contoso.Custom") { Id = null! });
    }

    [Fact]
    public void Repeated_values_are_one_string_across_deliveries_on_a_thread()
    {
        MediaEventReader reader = MediaEventDispatcher.CreateReader();

        MediaEvent first = Assert.Single(reader.Read(TestInput.StateChange("id-1")).Events);
        MediaEvent second = Assert.Single(reader.Read(TestInput.StateChange("id-1")).Events);

        Assert.Equal(TestInput.Topic, first.Source);
        Assert.Same(first.Source, second.Source);
        Assert.Same(first.Subject, second.Subject);
        Assert.NotSame(first.Id, second.Id);
    }

    [Fact]
    public void Values_that_share_a_table_slot_never_get_each_others_strings()
    {
        // Many distinct subjects of the same length, head and tail pass through a 256-slot table.
        string[] ids = Enumerable.Range(0, 2000).Select(i => $"job-{i:D6}-end").ToArray();
        string json = TestInput.Array(ids.Select(id => TestInput.StateChange(id)).ToArray());

        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);

        Assert.Equal(ids.Select(id => "transforms/T/jobs/" + id), batch.Events.Select(e => e.Subject));
    }

    [Fact]
    public async Task Threads_reading_at_once_each_get_their_own_values()
    {
        MediaEventReader reader = MediaEventDispatcher.CreateReader();
        IEnumerable<Task<bool>> workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (int round = 0; round < 300; round++)
            {
                string id = $"w{worker}-r{round % 7}";
                MediaEvent mediaEvent = Assert.Single(reader.Read(TestInput.StateChange(id)).Events);
                if (mediaEvent.Subject != "transforms/T/jobs/" + id || mediaEvent.Id != id)
                {
                    return false;
                }
            }

            return true;
        }));

        Assert.All(await Task.WhenAll(workers), Assert.True);
    }

    [Fact]
    public void Dispatch_hands_the_state_to_the_callback_with_each_event()
    {
        var seen = new List<string>();
        string json = TestInput.Array(TestInput.StateChange("a"), TestInput.StateChange("b"));

        MediaEventDispatchResult result = MediaEventDispatcher.CreateReader().Dispatch(Encoding.UTF8.GetBytes(json), seen, static (mediaEvent, list) => list.Add(mediaEvent.Id));

        Assert.Equal(new[] { "a", "b" }, seen);
        Assert.Equal(2, result.DispatchedCount);
    }
}
