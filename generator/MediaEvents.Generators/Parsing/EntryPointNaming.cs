using System;
using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Emitting;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// Chooses the stem of a spec's entry points: the item's <c>MediaEventsName</c>; else the one publisher its event
/// types share (<c>Microsoft.Media</c> gives <c>Media</c>, so <c>IMediaEventVisitor</c>; <c>Microsoft.Storage</c>
/// gives <c>IStorageEventVisitor</c>); <c>System</c> for a file of several publishers (the consolidated system
/// events); the file's name for a spec without events.
/// </summary>
internal static class EntryPointNaming
{
    public static EntryPointNames Choose(SpecFile file, string? configured, IEnumerable<string> eventTypes)
    {
        if (configured is not null)
        {
            return new EntryPointNames(configured);
        }

        string[] publishers = eventTypes.Select(EventDiscovery.Publisher).Distinct(StringComparer.Ordinal).ToArray();
        string stem = publishers.Length switch
        {
            1 => CSharpNames.ToPascalCase(publishers[0].Substring("Microsoft.".Length)),
            > 1 => "System",
            _ => CSharpNames.ToPascalCase(System.IO.Path.GetFileNameWithoutExtension(file.Path.Replace('\\', '/'))),
        };
        return new EntryPointNames(stem);
    }
}
