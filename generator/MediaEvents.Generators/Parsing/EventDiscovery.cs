using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Emitting;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// Finds the event types of a spec the way the published convention names them: a data definition's description
/// says "Schema of the Data property of an EventGridEvent for a Microsoft.X.Y event." (or "Event data for
/// Microsoft.X.Y event.", "... preview event", three- and four-part names). The definition's name is the cross-check:
/// it normally ends with the event's last part (<c>StorageBlobCreatedEventData</c>). Where the two disagree it is a
/// warning; a name of the form publisher + event + <c>EventData</c> (<c>MediaJobScheduledEventData</c>) wins over
/// its description, and an undescribed definition of that form is an event of a publisher the spec names elsewhere.
/// </summary>
internal static class EventDiscovery
{
    private static readonly Regex s_described = new(
        @"\bfor (?:an? )?(?<type>Microsoft\.[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9_]*){1,3})\s+(?:preview\s+)?event\b",
        RegexOptions.CultureInvariant);

    private static readonly string[] s_reservedNames = { "Unknown", "Other", "Catalog" };

    /// <summary>Each data definition with the event type it carries, in the spec's order.</summary>
    public static List<(DefinitionInfo Definition, string EventType)> Discover(ParseContext context, IReadOnlyList<DefinitionInfo> records)
    {
        var described = records.ToDictionary(static definition => definition, static definition =>
        {
            Match match = definition.Schema.Description is { } text ? s_described.Match(text) : Match.Empty;
            return match.Success ? match.Groups["type"].Value : null;
        });
        var publishers = new HashSet<string>(described.Values.Where(static type => type is not null).Select(static type => Publisher(type!)), StringComparer.Ordinal);

        var events = new List<(DefinitionInfo, string)>();
        var owners = new Dictionary<string, DefinitionInfo>(StringComparer.Ordinal);
        foreach (DefinitionInfo definition in records)
        {
            string? fromDescription = described[definition];
            string? eventType;
            if (fromDescription is null)
            {
                // Only a definition without any description is taken as an event on its name alone.
                eventType = Text.Description(definition.Schema.Description) is null ? FromName(definition.DefinitionName, publishers) : null;
            }
            else
            {
                string? fromName = FromName(definition.DefinitionName, new[] { Publisher(fromDescription) });
                eventType = fromDescription;
                string? disagreement = null;
                if (fromName is not null && !SameName(fromName, fromDescription))
                {
                    eventType = fromName;
                    disagreement = $"the name says '{fromName}', the description '{fromDescription}'";
                }
                else if (fromName is null && !NameEndsWith(definition.DefinitionName, LastPart(fromDescription)))
                {
                    disagreement = $"the description says '{fromDescription}', and the name does not end with '{LastPart(fromDescription)}'";
                }

                if (disagreement is not null)
                {
                    context.Report(DiagnosticDescriptors.EventNameMismatch, definition.Json["description"], definition.DefinitionName, disagreement, eventType);
                }
            }

            if (eventType is null)
            {
                continue;
            }

            if (owners.TryGetValue(eventType, out DefinitionInfo? first))
            {
                context.Report(DiagnosticDescriptors.SpecMistake, definition.Json["description"] ?? definition.Json, $"'{definition.DefinitionName}' is the data of '{eventType}', which '{first.DefinitionName}' already is", $"events of that type are read as '{first.DefinitionName}'");
                continue;
            }

            owners[eventType] = definition;
            events.Add((definition, eventType));
        }

        if (events.Count == 0)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoEventTypes, context.Locate(context.Definitions) ?? context.Document.At(1, 1, 1), context.Path));
        }

        return events;
    }

    /// <summary>
    /// The catalogue entries: each event's short name is its last part (<c>BlobCreated</c>), or, where two events
    /// share a last part or it is a name the visitor already uses, every part after <c>Microsoft.</c>.
    /// </summary>
    public static List<EventModel> ToModels(IEnumerable<(DefinitionInfo Definition, string EventType)> events)
    {
        var list = events.ToList();
        var lastParts = list.GroupBy(static item => CSharpNames.ToPascalCase(LastPart(item.EventType)), StringComparer.Ordinal).ToDictionary(static group => group.Key, static group => group.Count(), StringComparer.Ordinal);
        var taken = new HashSet<string>(s_reservedNames, StringComparer.Ordinal);
        var models = new List<EventModel>();
        foreach ((DefinitionInfo definition, string eventType) in list.OrderBy(static item => item.EventType, StringComparer.Ordinal))
        {
            string shortName = CSharpNames.ToPascalCase(LastPart(eventType));
            string name = lastParts[shortName] == 1 && !taken.Contains(shortName) ? shortName : CSharpNames.ToPascalCase(eventType.Substring(eventType.IndexOf('.') + 1));
            for (int i = 2; taken.Contains(name) || taken.Contains(name + "Type"); i++)
            {
                name = CSharpNames.ToPascalCase(eventType.Substring(eventType.IndexOf('.') + 1)) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            taken.Add(name + "Type");
            models.Add(new EventModel(eventType, name, definition.Name, Text.Description(definition.Schema.Description)));
        }

        return models;
    }

    /// <summary>The publisher part of an event type: <c>Microsoft.Storage</c>.</summary>
    public static string Publisher(string eventType)
    {
        int second = eventType.IndexOf('.', "Microsoft.".Length);
        return second < 0 ? eventType : eventType.Substring(0, second);
    }

    private static string LastPart(string eventType) => eventType.Substring(eventType.LastIndexOf('.') + 1);

    // MediaJobScheduledEventData, of a spec that names Microsoft.Media events: Microsoft.Media.JobScheduled.
    private static string? FromName(string definitionName, IEnumerable<string> publishers)
    {
        const string suffix = "EventData";
        if (!definitionName.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        foreach (string publisher in publishers.OrderByDescending(static publisher => publisher.Length).ThenBy(static publisher => publisher, StringComparer.Ordinal))
        {
            string prefix = publisher.Substring("Microsoft.".Length);
            if (definitionName.Length > prefix.Length + suffix.Length && definitionName.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(definitionName[prefix.Length]))
            {
                return publisher + "." + definitionName.Substring(prefix.Length, definitionName.Length - prefix.Length - suffix.Length);
            }
        }

        return null;
    }

    // Microsoft.ApiManagement.ApiCreated is Microsoft.ApiManagement.APICreated; a four-part name is its parts run together.
    private static bool SameName(string fromName, string fromDescription) =>
        string.Equals(fromName.Replace(".", string.Empty), fromDescription.Replace(".", string.Empty), StringComparison.OrdinalIgnoreCase);

    // ResourceWriteSuccessData ends with ResourceWriteSuccess; SubscriptionValidationEventData with SubscriptionValidationEvent.
    private static bool NameEndsWith(string definitionName, string lastPart)
    {
        string name = CSharpNames.ToPascalCase(definitionName);
        string part = CSharpNames.ToPascalCase(lastPart);
        foreach (string suffix in new[] { "EventData", "Data", "EventProperties", "Properties", string.Empty })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Substring(0, name.Length - suffix.Length).EndsWith(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
