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
/// Microsoft.X.Y event.", "... preview event", three- and four-part names, line breaks anywhere). The definition's
/// name is the cross-check (see <see cref="CrossCheck"/>); a disagreement is a warning. An undescribed definition
/// named publisher + event + <c>EventData</c> is an event of a publisher the spec names elsewhere.
/// </summary>
internal static class EventDiscovery
{
    private static readonly Regex s_described = new(
        @"\bfor\s+(?:an?\s+)?(?<type>Microsoft\.[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9_]*){1,3})\s+(?:preview\s+)?event\b",
        RegexOptions.CultureInvariant);

    private static readonly string[] s_reservedNames = { "Unknown", "Other", "Catalog" };

    /// <summary>
    /// Each data definition with the event type it carries, in the spec's order. A disagreement is reported only for
    /// the events <paramref name="isSelected"/> keeps: a consumer of one publisher's events is not told of another's.
    /// </summary>
    public static List<(DefinitionInfo Definition, string EventType)> Discover(ParseContext context, IReadOnlyList<DefinitionInfo> records, Func<string, bool> isSelected)
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
                (eventType, string? disagreement) = CrossCheck(definition.DefinitionName, fromDescription);
                if (disagreement is not null && isSelected(eventType))
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
    /// The catalogue entries. An event's short name (its constant, its visitor method) is what follows its
    /// publisher (<c>BlobCreated</c>, <c>HealthResourcesAvailabilityStatusChanged</c>); in a spec of several
    /// publishers, what follows <c>Microsoft.</c> (<c>StorageBlobCreated</c>, <c>ApiManagementUserCreated</c>), so
    /// that one publisher's events never take another's names. A name still taken gets a number.
    /// </summary>
    public static List<EventModel> ToModels(IEnumerable<(DefinitionInfo Definition, string EventType)> events)
    {
        var list = events.ToList();
        bool severalPublishers = list.Select(static item => Publisher(item.EventType)).Distinct(StringComparer.Ordinal).Skip(1).Any();
        var taken = new HashSet<string>(s_reservedNames, StringComparer.Ordinal);
        var models = new List<EventModel>();
        foreach ((DefinitionInfo definition, string eventType) in list.OrderBy(static item => item.EventType, StringComparer.Ordinal))
        {
            string wanted = CSharpNames.ToPascalCase(eventType.Substring((severalPublishers ? "Microsoft." : Publisher(eventType) + ".").Length));
            string name = wanted;
            for (int i = 2; taken.Contains(name) || taken.Contains(name + "Type"); i++)
            {
                name = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            taken.Add(name + "Type");
            models.Add(new EventModel(eventType, name, definition.Name, Text.Description(definition.Schema.Description)));
        }

        return models;
    }

    // The description names the event; the definition's name checks it. They agree when the name ends with the
    // event's last part (StorageTaskQueuedEventData, Microsoft.Storage.StorageTaskQueued). A name of the form
    // publisher + event + EventData wins where the description adds a stray "Event"/"EventData" to that event
    // (ServiceBus ...WithNoListenersEvent) or names another event altogether (a copied description).
    private static (string EventType, string? Disagreement) CrossCheck(string definitionName, string fromDescription)
    {
        string? fromName = FromName(definitionName, new[] { Publisher(fromDescription) });
        string lastPart = LastPart(fromDescription);
        if (fromName is not null && SameName(fromName, fromDescription))
        {
            return (fromDescription, null);
        }

        bool strayEventSuffix = fromName is not null && new[] { "EventData", "Event" }.Any(suffix =>
            lastPart.EndsWith(suffix, StringComparison.Ordinal) && string.Equals(lastPart.Substring(0, lastPart.Length - suffix.Length), LastPart(fromName), StringComparison.OrdinalIgnoreCase));
        if (!strayEventSuffix && NameEndsWith(definitionName, lastPart))
        {
            return (fromDescription, null);
        }

        return fromName is null
            ? (fromDescription, $"the description says '{fromDescription}', and the name does not end with '{lastPart}'")
            : (fromName, $"the name says '{fromName}', the description '{fromDescription}'");
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
