using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.ConsoleSample.Tests;

public sealed class JsonFormatTests
{
    // The Event Grid example of the Media Services event docs.
    private const string DocJobFinished = """
        [{
          "topic": "/subscriptions/<subscription-id>/resourceGroups/<rg-name>/providers/Microsoft.Media/mediaservices/<account-name>",
          "subject": "transforms/VideoAnalyzerTransform/jobs/<job-id>",
          "eventType": "Microsoft.Media.JobFinished",
          "eventTime": "2018-10-12T16:25:56.4115495",
          "id": "9e07e83a-dd6e-466b-a62f-27521b216f2a",
          "data": {
            "outputs": [
              {
                "@odata.type": "#Microsoft.Media.JobOutputAsset",
                "assetName": "output-7640689F",
                "error": null,
                "label": "VideoAnalyzerPreset_0",
                "progress": 100,
                "state": "Finished"
              }
            ],
            "previousState": "Processing",
            "state": "Finished",
            "correlationData": {
              "testKey1": "testValue1",
              "testKey2": "testValue2"
            }
          },
          "dataVersion": "1.0",
          "metadataVersion": "1"
        }]
        """;

    // The Event Grid example of the docs: the service sends timestamp and timescale as numbers, the spec says strings.
    private const string DocDataChunkDropped = """
        [
          {
            "topic": "/subscriptions/<subscription-id>/resourceGroups/<rg-name>/providers/Microsoft.Media/mediaServices/<account-name>",
            "subject": "/LiveEvents/MyLiveEvent1",
            "eventType": "Microsoft.Media.LiveEventIncomingDataChunkDropped",
            "eventTime": "2018-01-16T01:57:26.005121Z",
            "id": "03da9c10-fde7-48e1-80d8-49936f2c3e7d",
            "data": {
              "trackType": "Video",
              "trackName": "Video",
              "bitrate": 300000,
              "timestamp": 36656620000,
              "timescale": 10000000,
              "resultCode": "FragmentDrop_OverlapTimestamp"
            },
            "dataVersion": "1.0",
            "metadataVersion": "1"
          }
        ]
        """;

    [Fact]
    public async Task Every_bundled_event_is_one_json_line_in_input_order()
    {
        List<(string Id, string Type)> events = ToolRunner.BundledEvents;

        ToolResult result = await ToolRunner.RunAsync("--format", "json");

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.DoesNotContain('\r', result.Stdout);
        Assert.EndsWith("\n", result.Stdout);
        string[] lines = result.Lines;
        Assert.Equal(events.Count, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            using JsonDocument line = JsonDocument.Parse(lines[i]);
            JsonElement root = line.RootElement;
            Assert.Equal(["id", "eventType", "schema", "known", "data"], root.EnumerateObject().Select(static p => p.Name));
            Assert.Equal(events[i].Id, root.GetProperty("id").GetString());
            Assert.Equal(events[i].Type, root.GetProperty("eventType").GetString());
            Assert.Equal(ToolRunner.IsKnownType(events[i].Type), root.GetProperty("known").GetBoolean());
            Assert.Equal(JsonValueKind.Object, root.GetProperty("data").ValueKind);
        }

        // Exactly the two types no catalog knows are unknown.
        string[] unknownTypes = lines.Select(static l => JsonDocument.Parse(l).RootElement)
            .Where(static e => !e.GetProperty("known").GetBoolean())
            .Select(static e => e.GetProperty("eventType").GetString()!)
            .ToArray();
        Assert.Equal(["Microsoft.Media.LiveEventFutureFeature", "Microsoft.Storage.BlobCreated"], unknownTypes);
    }

    [Fact]
    public async Task The_schema_says_which_envelope_the_event_came_in()
    {
        string cloudEvents = ToolRunner.BundledFiles.Single(static f => Path.GetFileName(f) == "cloudevents-mixed.json");
        string eventGrid = ToolRunner.BundledFiles.Single(static f => Path.GetFileName(f) == "eventgrid-live.json");

        ToolResult result = await ToolRunner.RunAsync("--format=json", cloudEvents, eventGrid);

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        string[] schemas = result.Lines.Select(static l => JsonDocument.Parse(l).RootElement.GetProperty("schema").GetString()!).ToArray();
        int cloudCount = ToolRunner.EventsOf(cloudEvents).Count;
        Assert.All(schemas[..cloudCount], static s => Assert.Equal("CloudEvents", s));
        Assert.All(schemas[cloudCount..], static s => Assert.Equal("EventGrid", s));
    }

    [Fact]
    public async Task JobFinished_of_the_docs_round_trips_through_the_generated_writer()
    {
        ToolResult result = await ToolRunner.RunWithStdinAsync(DocJobFinished, "--format", "json", "-");

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        string line = Assert.Single(result.Lines);
        using JsonDocument document = JsonDocument.Parse(line);
        JsonElement root = document.RootElement;
        Assert.Equal("9e07e83a-dd6e-466b-a62f-27521b216f2a", root.GetProperty("id").GetString());
        Assert.Equal("Microsoft.Media.JobFinished", root.GetProperty("eventType").GetString());
        Assert.Equal("EventGrid", root.GetProperty("schema").GetString());
        Assert.True(root.GetProperty("known").GetBoolean());

        JsonElement data = root.GetProperty("data");
        Assert.Equal("Processing", data.GetProperty("previousState").GetString());
        Assert.Equal("Finished", data.GetProperty("state").GetString());
        Assert.Equal("testValue1", data.GetProperty("correlationData").GetProperty("testKey1").GetString());
        Assert.Equal("testValue2", data.GetProperty("correlationData").GetProperty("testKey2").GetString());
        JsonElement output = Assert.Single(data.GetProperty("outputs").EnumerateArray());
        Assert.Equal("#Microsoft.Media.JobOutputAsset", output.GetProperty("@odata.type").GetString());
        Assert.Equal(100, output.GetProperty("progress").GetInt64());
        Assert.Equal("Finished", output.GetProperty("state").GetString());
        Assert.Equal("VideoAnalyzerPreset_0", output.GetProperty("label").GetString());
        Assert.Equal("output-7640689F", output.GetProperty("assetName").GetString());
    }

    [Fact]
    public async Task A_number_where_the_spec_says_string_is_written_as_the_spec_says()
    {
        ToolResult result = await ToolRunner.RunWithStdinAsync(DocDataChunkDropped, "--format", "json", "-");

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        string line = Assert.Single(result.Lines);
        Assert.Contains("\"timestamp\":\"36656620000\"", line);
        using JsonDocument document = JsonDocument.Parse(line);
        JsonElement data = document.RootElement.GetProperty("data");
        Assert.Equal(JsonValueKind.String, data.GetProperty("timestamp").ValueKind);
        Assert.Equal("36656620000", data.GetProperty("timestamp").GetString());
        Assert.Equal("10000000", data.GetProperty("timescale").GetString());
        Assert.Equal(300000, data.GetProperty("bitrate").GetInt64());
    }

    [Fact]
    public async Task Members_and_values_the_spec_does_not_define_are_kept()
    {
        string unknownFile = ToolRunner.BundledFiles.Single(static f => Path.GetFileName(f) == "eventgrid-unknown.json");

        ToolResult result = await ToolRunner.RunAsync("--format", "json", unknownFile);

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        JsonElement[] lines = result.Lines.Select(static l => JsonDocument.Parse(l).RootElement).ToArray();
        JsonElement jobStateChange = lines.Single(static e => e.GetProperty("eventType").GetString() == "Microsoft.Media.JobStateChange");
        Assert.True(jobStateChange.GetProperty("known").GetBoolean());
        Assert.Equal("High", jobStateChange.GetProperty("data").GetProperty("jobPriority").GetString());
        Assert.Equal("Paused", jobStateChange.GetProperty("data").GetProperty("state").GetString());

        // The data of an unknown type comes back as it arrived (compacted onto the line).
        JsonElement future = lines.Single(static e => e.GetProperty("eventType").GetString() == "Microsoft.Media.LiveEventFutureFeature");
        Assert.False(future.GetProperty("known").GetBoolean());
        Assert.Equal("7.1.4", future.GetProperty("data").GetProperty("settings").GetProperty("layout").GetString());
        Assert.Equal(JsonValueKind.Null, future.GetProperty("data").GetProperty("reportedBy").ValueKind);
    }

    [Fact]
    public async Task Raw_json_spread_over_lines_still_gives_one_valid_line_per_event()
    {
        const string input = """
            [
              {
                "id": "1", "eventType": "Microsoft.Media.JobOutputProgress", "subject": "s", "eventTime": "2024-01-01T00:00:00Z",
                "data": {
                  "label": "L", "progress": 5,
                  "extra": {
                    "list": [ 1, 2 ],
                    "text": "keeps  its \"spaces\" // and slashes"
                  }
                }
              },
              {
                "id": "2", "eventType": "Contoso.Other", "eventTime": "2024-01-01T00:00:01Z",
                "data": {
                  "a": [ 1,
                         2 ]
                }
              }
            ]
            """;

        ToolResult result = await ToolRunner.RunWithStdinAsync(input, "--format", "json", "-");

        Assert.Equal(ConsoleApp.ExitSuccess, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.Equal(
            """{"id":"1","eventType":"Microsoft.Media.JobOutputProgress","schema":"EventGrid","known":true,"data":{"label":"L","progress":5,"extra":{"list":[1,2],"text":"keeps  its \"spaces\" // and slashes"}}}""",
            result.Lines[0]);
        Assert.Equal(
            """{"id":"2","eventType":"Contoso.Other","schema":"EventGrid","known":false,"data":{"a":[1,2]}}""",
            result.Lines[1]);
    }
}
