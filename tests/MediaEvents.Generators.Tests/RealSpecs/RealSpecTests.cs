using MediaEvents.Generators.Tests.Infrastructure;
using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Generators.Tests.RealSpecs;

/// <summary>
/// The generator survives every real spec of <c>../shared/specs</c>: each generates code that compiles cleanly,
/// catalogues every event type its descriptions name, and reads upstream-style deliveries of those events as
/// known types, losing nothing and writing back what it read.
/// </summary>
public sealed class RealSpecTests
{
    [SkippableTheory]
    [MemberData(nameof(RealSpec.Files), MemberType = typeof(RealSpec))]
    public void Spec_generates_code_without_errors_and_without_warnings_in_generated_files(string fileName)
    {
        GeneratedSpec generated = Generate(fileName);

        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());
    }

    [SkippableTheory]
    [MemberData(nameof(RealSpec.Files), MemberType = typeof(RealSpec))]
    public void Catalogue_holds_exactly_the_event_types_the_descriptions_name_each_bound_to_its_definition(string fileName)
    {
        GeneratedSpec generated = Generate(fileName);
        using LoadedAssembly loaded = Load(generated);

        string[] expected = generated.Spec.ExpectedEvents.Select(static item => $"{item.Key} -> {item.Value}").Order(StringComparer.Ordinal).ToArray();
        string[] catalogued = loaded.Catalog.Types.Select(static type => $"{type.Name} -> {type.DataType.Name}").Order(StringComparer.Ordinal).ToArray();

        Assert.True(
            expected.SequenceEqual(catalogued),
            $"missing: [{string.Join(", ", expected.Except(catalogued))}]{Environment.NewLine}unexpected: [{string.Join(", ", catalogued.Except(expected))}]");
    }

    [SkippableTheory]
    [MemberData(nameof(RealSpec.FilesAndEnvelopes), MemberType = typeof(RealSpec))]
    public void Delivery_reads_every_event_as_its_catalogued_type_with_every_listed_member_read(string fileName, PayloadEnvelope envelope)
    {
        GeneratedSpec generated = Generate(fileName);
        using LoadedAssembly loaded = Load(generated);
        SpecDefinitions definitions = SpecDefinitions.Parse(generated.Spec.ReadText());

        MediaEventBatch batch = new MediaEventReader(loaded.Catalog).Read(File.ReadAllBytes(generated.Spec.PayloadPath(envelope)));

        Assert.False(batch.HasFailures, string.Join(Environment.NewLine, batch.Failures));
        var problems = new List<string>();
        foreach (MediaEvent mediaEvent in batch.Events)
        {
            problems.AddRange(CheckKnownAndComplete(generated.Spec, definitions, loaded.Catalog, mediaEvent));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(CountEvents(generated.Spec.PayloadPath(envelope)), batch.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(RealSpec.Files), MemberType = typeof(RealSpec))]
    public void Data_written_back_by_the_catalogue_reads_again_as_an_equal_object(string fileName)
    {
        GeneratedSpec generated = Generate(fileName);
        using LoadedAssembly loaded = Load(generated);
        var reader = new MediaEventReader(loaded.Catalog);
        MediaEventBatch batch = reader.Read(File.ReadAllBytes(generated.Spec.PayloadPath(PayloadEnvelope.EventGrid)));
        Assert.False(batch.HasFailures, string.Join(Environment.NewLine, batch.Failures));

        var problems = new List<string>();
        foreach (MediaEvent mediaEvent in batch.Events.Where(static mediaEvent => mediaEvent.IsKnown))
        {
            byte[] written = WriteAsEvent(mediaEvent);
            MediaEventReadResult again = Assert.Single(reader.Read(written));
            if (again.Failure is not null)
            {
                problems.Add($"{mediaEvent.EventType}: its written data does not read again: {again.Failure}{Environment.NewLine}  {Encoding.UTF8.GetString(written)}");
            }
            else if (!Equals(mediaEvent.TypedData, again.Event!.TypedData))
            {
                problems.Add($"{mediaEvent.EventType}: its written data reads as another value{Environment.NewLine}  read:    {mediaEvent.TypedData}{Environment.NewLine}  again:   {again.Event.TypedData}{Environment.NewLine}  written: {Encoding.UTF8.GetString(written)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static GeneratedSpec Generate(string fileName)
    {
        Skip.IfNot(RealSpec.Unavailable is null, RealSpec.Unavailable);
        return GeneratedSpec.Of(RealSpec.Get(fileName));
    }

    // The later checks need code that compiles: without it, the failure is the generation's, and says so.
    private static LoadedAssembly Load(GeneratedSpec generated)
    {
        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());
        return generated.Load();
    }

    private static IEnumerable<string> CheckKnownAndComplete(RealSpec spec, SpecDefinitions definitions, MediaEventCatalog catalog, MediaEvent mediaEvent)
    {
        if (mediaEvent.KnownType is null)
        {
            yield return $"{mediaEvent.EventType} (id {mediaEvent.Id}) is read as an unknown event type";
            yield break;
        }

        Type catalogued = catalog.Find(mediaEvent.EventType)!.DataType;
        object data = mediaEvent.TypedData!;
        if (data.GetType() != catalogued)
        {
            yield return $"{mediaEvent.EventType}: its data is a {data.GetType()}, but the catalogue binds it to {catalogued}";
        }

        if (!spec.ExpectedEvents.TryGetValue(mediaEvent.EventType, out string? definition))
        {
            yield return $"{mediaEvent.EventType} is catalogued, but no description of {spec.FileName} names it";
            yield break;
        }

        PropertyInfo? unknownMembers = data.GetType().GetProperty("UnknownMembers");
        if (unknownMembers is null)
        {
            yield return $"{mediaEvent.EventType}: {data.GetType()} has no UnknownMembers property";
            yield break;
        }

        var unknown = (JsonMembers?)unknownMembers.GetValue(data);
        string[] lost = definitions.MemberNames(definition)
            .Where(name => unknown?.Any(member => string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase)) == true)
            .ToArray();
        if (lost.Length > 0)
        {
            yield return $"{mediaEvent.EventType}: {definition} lists {string.Join(", ", lost)}, but {data.GetType().Name} keeps them as unknown members";
        }
    }

    // The event again, its data written by the catalogue's writer (MediaEvent<TData>.WriteData).
    private static byte[] WriteAsEvent(MediaEvent mediaEvent)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", mediaEvent.Id);
            writer.WriteString("eventType", mediaEvent.EventType);
            writer.WritePropertyName("data");
            mediaEvent.WriteData(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static int CountEvents(string payloadPath)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(payloadPath));
        return document.RootElement.GetArrayLength();
    }
}
