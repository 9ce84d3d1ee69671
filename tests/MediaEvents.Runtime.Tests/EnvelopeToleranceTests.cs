using System.Linq;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>The envelope is read as tolerantly as the data: the service's numbers where strings belong.</summary>
public sealed class EnvelopeToleranceTests
{
    [Fact]
    public void Numbers_in_envelope_strings_are_read_as_their_text()
    {
        string json = """[{"id":123,"eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","dataVersion":1,"metadataVersion":1,"data":{"state":"Finished"}}]""";

        MediaEvent e = Assert.Single(MediaEventDispatcher.CreateReader().Read(json).Events);

        Assert.Equal(("123", "1", "1"), (e.Id, e.DataVersion, e.MetadataVersion));
    }

    [Fact]
    public void An_object_where_the_envelope_has_a_string_fails_the_event_alone()
    {
        string json = """[{"id":{"x":1},"eventType":"Microsoft.Media.JobStateChange","data":{}},{"id":"2","eventType":"Microsoft.Media.JobStateChange","data":{}}]""";

        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);

        Assert.Equal("$[0].id", Assert.Single(batch.Failures).Path);
        Assert.Equal("2", Assert.Single(batch.Events).Id);
    }

    [Theory]
    [InlineData("86.0", 86L)]
    [InlineData("1e2", 100L)]
    [InlineData("\"86.00\"", 86L)]
    [InlineData("-3", -3L)]
    public void An_integral_value_written_with_a_fraction_or_exponent_reads_as_the_integer(string progress, long expected)
    {
        string json = $$$"""[{"id":"1","eventType":"Microsoft.Media.JobOutputProgress","data":{"progress":{{{progress}}}}}]""";

        var e = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(MediaEventDispatcher.CreateReader().Read(json).Events));

        Assert.Equal(expected, e.Data.Progress);
    }

    [Theory]
    [InlineData("86.5")]
    [InlineData("\"86 \"")]
    [InlineData("1e40")]
    public void A_value_that_is_not_an_integer_still_fails(string progress)
    {
        string json = $$$"""[{"id":"1","eventType":"Microsoft.Media.JobOutputProgress","data":{"progress":{{{progress}}}}}]""";

        MediaEventReadFailure failure = Assert.Single(MediaEventDispatcher.CreateReader().Read(json).Failures);

        Assert.Equal("$[0].data.progress", failure.Path);
        Assert.StartsWith("expected an integer (int64)", failure.Reason);
    }
}
