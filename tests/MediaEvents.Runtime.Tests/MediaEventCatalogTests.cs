using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>
/// The generated catalogue as users rely on it, and the mistakes of a hand-made one (an entry twice, two entries of
/// one name, an entry taken from another catalogue): each refused with a message that says which, and refused
/// whole, so that the entries stay free for a catalogue that is right.
/// </summary>
public sealed class MediaEventCatalogTests
{
    private static MediaEventType<MediaJobFinishedEventData> JobFinished(string name = MediaEventTypes.JobFinished) => new(
        name,
        MediaEventsJsonContext.MediaJobFinishedEventDataConverter.ReadValue,
        MediaEventsJsonContext.MediaJobFinishedEventDataConverter.WriteValue);

    private static MediaEventType<MediaJobOutputProgressEventData> JobOutputProgress() => new(
        MediaEventTypes.JobOutputProgress,
        MediaEventsJsonContext.MediaJobOutputProgressEventDataConverter.ReadValue,
        MediaEventsJsonContext.MediaJobOutputProgressEventDataConverter.WriteValue);

    private static void AssertFree(params MediaEventType[] types) =>
        Assert.All(types, static type =>
        {
            Assert.Null(type.Catalog);
            Assert.Equal(-1, type.Ordinal);
        });

    [Fact]
    public void The_generated_catalogue_holds_every_event_type_of_the_spec_at_its_ordinal()
    {
        MediaEventCatalog catalog = MediaEventTypes.Catalog;

        Assert.Equal(25, catalog.Types.Count);
        for (int i = 0; i < catalog.Types.Count; i++)
        {
            MediaEventType type = catalog.Types[i];
            Assert.Same(catalog, type.Catalog);
            Assert.Equal(i, type.Ordinal);
            Assert.Same(type, catalog.Find(type.Name));
            Assert.Same(type, catalog.Find(type.Name.ToUpperInvariant()));
            Assert.Same(type, catalog.Find(Encoding.UTF8.GetBytes(type.Name)));
            Assert.Same(type, catalog.Find(Encoding.UTF8.GetBytes(type.Name.ToLowerInvariant())));
        }

        Assert.Same(MediaEventTypes.JobFinishedType, catalog.Find(MediaEventTypes.JobFinished));
        Assert.Equal(typeof(MediaJobFinishedEventData), MediaEventTypes.JobFinishedType.DataType);
        Assert.Null(catalog.Find("Microsoft.Media.JobPaused"));
        Assert.Null(catalog.Find("Microsoft.Media.JobFinishe"u8));
        Assert.Null(catalog.Find(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void A_catalogue_of_its_own_reads_its_events_and_leaves_the_others_unknown()
    {
        MediaEventType<MediaJobFinishedEventData> finished = JobFinished();
        var catalog = new MediaEventCatalog(JobOutputProgress(), finished);
        string json = TestInput.Array(
            TestInput.Event("f", MediaEventTypes.JobFinished, """{"previousState":"Processing","state":"Finished","outputs":[]}"""),
            TestInput.StateChange("s"));

        MediaEventBatch batch = new MediaEventReader(catalog).Read(json);

        Assert.Equal(1, finished.Ordinal);
        Assert.Same(catalog, finished.Catalog);
        MediaEvent<MediaJobFinishedEventData> e = Assert.IsType<MediaEvent<MediaJobFinishedEventData>>(batch[0].Event);
        Assert.Same(finished, e.KnownType);
        Assert.Equal(MediaJobState.Finished, e.Data.State);
        Assert.False(batch[1].Event!.IsKnown);
    }

    [Fact]
    public void An_entry_listed_twice_is_refused_naming_both_places_and_nothing_is_attached()
    {
        MediaEventType<MediaJobFinishedEventData> finished = JobFinished();
        MediaEventType<MediaJobOutputProgressEventData> progress = JobOutputProgress();

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new MediaEventCatalog(finished, progress, finished));

        Assert.Equal("types", exception.ParamName);
        Assert.StartsWith("The entry 'Microsoft.Media.JobFinished' is listed twice, at index 0 and 2.", exception.Message, StringComparison.Ordinal);
        AssertFree(finished, progress);
        Assert.Equal(2, new MediaEventCatalog(finished, progress).Types.Count);
    }

    [Fact]
    public void Two_entries_of_one_name_are_refused()
    {
        MediaEventType<MediaJobFinishedEventData> first = JobFinished();
        MediaEventType<MediaJobFinishedEventData> second = JobFinished();

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new MediaEventCatalog(first, JobOutputProgress(), second));

        Assert.StartsWith("The entries at index 0 and 2 both have the event type name 'Microsoft.Media.JobFinished'.", exception.Message, StringComparison.Ordinal);
        AssertFree(first, second);
    }

    [Fact]
    public void Two_names_that_differ_only_in_case_are_refused_saying_why()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => new MediaEventCatalog(JobFinished(), JobFinished("microsoft.media.jobfinished")));

        Assert.StartsWith(
            "The entries at index 0 and 1 both have the event type name 'Microsoft.Media.JobFinished' ('microsoft.media.jobfinished' differs only in case, and the reader matches names ignoring case).",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_entry_is_refused_naming_its_index()
    {
        MediaEventType<MediaJobFinishedEventData> finished = JobFinished();

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new MediaEventCatalog(finished, null!));

        Assert.StartsWith("The catalogue's entry at index 1 is null.", exception.Message, StringComparison.Ordinal);
        AssertFree(finished);
        Assert.Throws<ArgumentNullException>(() => new MediaEventCatalog(null!));
    }

    [Fact]
    public void An_entry_of_the_generated_catalogue_is_refused_and_stays_where_it_was()
    {
        MediaEventType<MediaJobOutputProgressEventData> progress = JobOutputProgress();
        int ordinal = MediaEventTypes.JobFinishedType.Ordinal;

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new MediaEventCatalog(progress, MediaEventTypes.JobFinishedType));

        Assert.StartsWith(
            $"The entry 'Microsoft.Media.JobFinished' already belongs to another catalogue, at ordinal {ordinal}; an entry belongs to one catalogue only. Create a new MediaEventType with the same reader and writer for this catalogue.",
            exception.Message,
            StringComparison.Ordinal);
        Assert.Equal("types", exception.ParamName);
        Assert.Same(MediaEventTypes.Catalog, MediaEventTypes.JobFinishedType.Catalog);
        Assert.Equal(ordinal, MediaEventTypes.JobFinishedType.Ordinal);
        AssertFree(progress);
    }

    [Fact]
    public void An_entry_in_a_second_catalogue_is_refused_and_the_first_keeps_working()
    {
        MediaEventType<MediaJobFinishedEventData> finished = JobFinished();
        var first = new MediaEventCatalog(finished);

        Assert.Throws<ArgumentException>(() => new MediaEventCatalog(JobOutputProgress(), finished));

        Assert.Same(first, finished.Catalog);
        Assert.Equal(0, finished.Ordinal);
        MediaEvent e = Assert.Single(new MediaEventReader(first).Read(
            TestInput.Event("f", MediaEventTypes.JobFinished, """{"state":"Finished"}""")).Events);
        Assert.Same(finished, e.KnownType);
    }

    [Fact]
    public async Task Two_catalogues_built_at_once_from_the_same_entries_one_wins_whole()
    {
        for (int round = 0; round < 200; round++)
        {
            MediaEventType[] entries = [JobFinished(), JobOutputProgress()];
            MediaEventType[] reversed = [entries[1], entries[0]];
            using var start = new Barrier(2);
            MediaEventCatalog? Build(MediaEventType[] types)
            {
                start.SignalAndWait();
                try
                {
                    return new MediaEventCatalog(types);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }

            Task<MediaEventCatalog?> left = Task.Run(() => Build(entries));
            Task<MediaEventCatalog?> right = Task.Run(() => Build(reversed));
            MediaEventCatalog?[] built = await Task.WhenAll(left, right);

            MediaEventCatalog winner = Assert.Single(built.OfType<MediaEventCatalog>());
            Assert.All(entries, type => Assert.Same(winner, type.Catalog));
            Assert.All(entries, type => Assert.Same(type, winner.Types[type.Ordinal]));
        }
    }
}
