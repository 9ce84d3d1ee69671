using System;
using System.Collections.Generic;
using System.Linq;
using Azure.Storage.Queues;
using MediaEvents.Tracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Xunit;

namespace MediaEvents.QueueWorkerSample.Tests;

/// <summary>The options are read from configuration by name, and a bad value stops the worker with a message that names it.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void The_section_is_read_with_durations_in_seconds_and_defaults_kept()
    {
        QueueWorkerOptions options = Read(new()
        {
            ["ConnectionString"] = "UseDevelopmentStorage=true",
            ["QueueName"] = "media-events",
            ["StateTableName"] = "MediaState",
            ["MaxDequeueCount"] = "3",
            ["VisibilityTimeoutSeconds"] = "45",
            ["RetryDelaySeconds"] = "0.5",
        });

        Assert.Equal("media-events", options.QueueName);
        Assert.Equal("media-events-poison", options.EffectivePoisonQueueName);
        Assert.Equal("MediaState", options.StateTableName);
        Assert.Equal(3, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(45), options.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.RetryDelay);
        Assert.Equal(QueueWorkerOptions.ServiceMaxMessagesPerReceive, options.MaxMessagesPerReceive);
        Assert.True(new QueueWorkerOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Values_that_cannot_be_parsed_are_reported_by_their_key()
    {
        QueueWorkerOptions options = Read(new()
        {
            ["ConnectionString"] = "UseDevelopmentStorage=true",
            ["QueueName"] = "media-events",
            ["MaxDequeueCount"] = "five",
            ["VisibilityTimeoutSeconds"] = "00:00:30",
            ["CreateIfNotExists"] = "yes",
        });

        IEnumerable<string> failures = new QueueWorkerOptionsValidator().Validate(null, options).Failures!;

        Assert.Equal(
            new[]
            {
                "QueueWorker:MaxDequeueCount is 'five', which is not a whole number.",
                "QueueWorker:VisibilityTimeoutSeconds is '00:00:30', which is not a number of seconds.",
                "QueueWorker:CreateIfNotExists is 'yes', which is neither true nor false.",
            }.Order(StringComparer.Ordinal),
            failures.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("QueueName", "", "No queue is configured: set QueueWorker:QueueName")]
    [InlineData("QueueName", "Media_Events", "QueueWorker:QueueName is 'Media_Events': a queue name has only lowercase letters, digits and hyphens.")]
    [InlineData("QueueName", "ab", "QueueWorker:QueueName is 'ab': it has 2 characters, and a queue name has 3 to 63.")]
    [InlineData("QueueName", "media--events", "a queue name has no two hyphens in a row")]
    [InlineData("QueueName", "a-queue-name-of-exactly-sixty-characters-which-is-allowed-x", "PoisonQueueName (the queue's name + '-poison') is 'a-queue-name-of-exactly-sixty-characters-which-is-allowed-x-poison': it has 66 characters")]
    [InlineData("PoisonQueueName", "media-events", "QueueWorker:PoisonQueueName is the queue itself ('media-events')")]
    [InlineData("StateTableName", "media-state", "QueueWorker:StateTableName is 'media-state': a table name has 3 to 63 letters and digits and starts with a letter.")]
    [InlineData("MaxDequeueCount", "0", "QueueWorker:MaxDequeueCount is 0: a message must be tried at least once")]
    [InlineData("VisibilityTimeoutSeconds", "0.5", "QueueWorker:VisibilityTimeoutSeconds is 0.5: the Queue service takes 1 second to 7 days.")]
    [InlineData("RetryDelaySeconds", "-1", "QueueWorker:RetryDelaySeconds is -1: it must be 0 (retry at once) to 7 days.")]
    [InlineData("MaxMessagesPerReceive", "33", "QueueWorker:MaxMessagesPerReceive is 33: the Queue service returns 1 to 32 messages at a time.")]
    [InlineData("MaxConcurrentMessages", "0", "QueueWorker:MaxConcurrentMessages is 0: a worker must handle at least one message at a time.")]
    [InlineData("MaxPollDelaySeconds", "0", "QueueWorker:MaxPollDelaySeconds is 0: it must be more than 0 and at most 600 seconds.")]
    [InlineData("ConnectionString", "", "No storage connection string is configured: set QueueWorker:ConnectionString")]
    public void A_bad_value_is_reported_with_what_it_must_be(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?> { ["ConnectionString"] = "UseDevelopmentStorage=true", ["QueueName"] = "media-events" };
        values[key] = value;
        QueueWorkerOptions options = Read(values);

        ValidateOptionsResult result = new QueueWorkerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        string failure = Assert.Single(result.Failures!);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_refuses_bad_options_and_a_poison_queue_that_is_the_queue()
    {
        var queue = new QueueClient("UseDevelopmentStorage=true", "media-events");
        var options = new QueueWorkerOptions { QueueName = "media-events", MaxConcurrentMessages = 0, VisibilityTimeout = TimeSpan.Zero };

        var exception = Assert.Throws<OptionsValidationException>(() => new QueueWorker(queue, queue, new MediaStateTracker(), options));
        Assert.Equal(2, exception.Failures.Count());
        Assert.Contains(exception.Failures, static failure => failure.StartsWith("QueueWorker:MaxConcurrentMessages is 0", StringComparison.Ordinal));

        var same = Assert.Throws<ArgumentException>(() => new QueueWorker(queue, queue, new MediaStateTracker(), new QueueWorkerOptions { QueueName = "media-events" }));
        Assert.Contains("The poison queue is the queue itself ('media-events')", same.Message, StringComparison.Ordinal);
    }

    private static QueueWorkerOptions Read(Dictionary<string, string?> values)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(static pair => KeyValuePair.Create(QueueWorkerOptions.SectionName + ":" + pair.Key, pair.Value)))
            .Build();
        var options = new QueueWorkerOptions();
        options.ReadFrom(configuration.GetSection(QueueWorkerOptions.SectionName));
        return options;
    }
}
