using System;
using System.Linq;
using System.Text;
using MediaEvents.Testing;
using MediaEvents.QueueWorkerSample.Tests.Generated;
using Xunit;

namespace MediaEvents.QueueWorkerSample.Tests;

/// <summary>Messages as Event Grid's Storage Queue destination writes them, and messages that are no event.</summary>
public sealed class QueueMessageContentTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();
    private static readonly DateTimeOffset s_time = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void An_event_in_either_schema_reads_plain_or_Base64(bool cloudEvents, bool base64)
    {
        string json = MediaEventWorkload.Envelope(
            "Microsoft.Media.JobStateChange", "e1", s_time, "transforms/T/jobs/J", """{ "previousState": "Queued", "state": "Scheduled" }""", cloudEvents);
        string body = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(json)) : json;

        QueueMessageContent content = QueueMessageContent.Read(Encoding.UTF8.GetBytes(body), s_reader);

        Assert.Null(content.Failure);
        Assert.Equal(base64, content.WasBase64);
        MediaEvent mediaEvent = Assert.Single(content.Batch!.Events);
        Assert.Equal("e1", mediaEvent.Id);
        Assert.Equal("transforms/T/jobs/J", mediaEvent.Subject);
        Assert.Equal(cloudEvents ? MediaEventSchema.CloudEvents : MediaEventSchema.EventGrid, mediaEvent.Schema);
    }

    [Fact]
    public void White_space_a_byte_order_mark_and_an_array_of_events_are_accepted()
    {
        string one = MediaEventWorkload.Envelope("Microsoft.Media.JobStateChange", "e1", s_time, "transforms/T/jobs/J", """{ "state": "Scheduled" }""", cloudEvents: false);
        string two = MediaEventWorkload.Envelope("Microsoft.Media.JobStateChange", "e2", s_time, "transforms/T/jobs/J", """{ "state": "Processing" }""", cloudEvents: true);
        byte[] plain = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes($"\r\n  [{one},{two}]\n")];
        byte[] base64 = Encoding.UTF8.GetBytes(" " + Convert.ToBase64String(plain) + "\n");

        foreach (byte[] body in new[] { plain, base64 })
        {
            QueueMessageContent content = QueueMessageContent.Read(body, s_reader);
            Assert.Null(content.Failure);
            Assert.Equal(new[] { "e1", "e2" }, content.Batch!.Events.Select(static e => e.Id));
        }
    }

    [Theory]
    [InlineData("", "The message is empty.")]
    [InlineData("  \r\n ", "The message is empty.")]
    [InlineData("hello, world", "neither JSON nor Base64-encoded JSON: it starts with 'hello, world'")]
    [InlineData("\"a string\"", "neither JSON nor Base64-encoded JSON")]
    [InlineData("aGVsbG8gd29ybGQ=", "The message is Base64, and what it encodes is not JSON: it starts with 'hello world'")]
    [InlineData("[]", "holds no event")]
    [InlineData("{ \"hello\": \"world\" }", "The message holds an event that cannot be read: event 0 (id unknown, type unknown) could not be read at $")]
    [InlineData("{ \"id\": \"x\", \"eventType\": \"Microsoft.Media.JobStateChange\", \"data\": { \"state\": ", "The message is not an event:")]
    public void A_message_that_is_no_event_says_why(string body, string expected)
    {
        QueueMessageContent content = QueueMessageContent.Read(Encoding.UTF8.GetBytes(body), s_reader);

        Assert.NotNull(content.Failure);
        Assert.Contains(expected, content.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_message_of_the_workload_is_refused_with_its_expected_reason_or_left_to_the_tracker()
    {
        for (int i = 0; i < 8; i++)
        {
            WorkloadMessage bad = MediaEventWorkload.BadMessage(i);
            QueueMessageContent content = QueueMessageContent.Read(Encoding.UTF8.GetBytes(bad.Body), s_reader);
            if (bad.ExpectedReason == "carries no state")
            {
                // Readable: the tracker refuses it (the worker's tests check the poison record).
                Assert.Null(content.Failure);
                continue;
            }

            Assert.True(content.Failure?.Contains(bad.ExpectedReason!, StringComparison.Ordinal) == true, $"bad message {i}: '{content.Failure}' lacks '{bad.ExpectedReason}'");
        }
    }

    [Fact]
    public void A_known_event_whose_data_cannot_be_read_names_the_value_at_fault()
    {
        string json = MediaEventWorkload.Envelope("Microsoft.Media.JobOutputProgress", "e9", s_time, "transforms/T/jobs/J", """{ "label": "L", "progress": "half" }""", cloudEvents: false);

        QueueMessageContent content = QueueMessageContent.Read(Encoding.UTF8.GetBytes(json), s_reader);

        Assert.Contains("(id e9, type Microsoft.Media.JobOutputProgress) could not be read at $.data.progress: ", content.Failure, StringComparison.Ordinal);
    }
}
