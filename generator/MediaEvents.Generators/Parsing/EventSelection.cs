using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// <c>MediaEventsInclude</c>: keeps the event types that match one of its patterns (<c>Microsoft.Storage.Blob*</c>;
/// patterns separated by ';', '*' matching any run of characters, case-insensitive), and then only the types and
/// enums those events reach (members, bases, and the subtypes of a polymorphic type).
/// </summary>
internal static class EventSelection
{
    /// <summary>Whether an event type matches the include list.</summary>
    public static Func<string, bool> Matcher(string include)
    {
        string[] patterns = include.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(static pattern => pattern.Trim()).Where(static pattern => pattern.Length > 0).ToArray();
        var regex = new Regex(
            "^(?:" + string.Join("|", patterns.Select(static pattern => Regex.Escape(pattern).Replace("\\*", ".*"))) + ")$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        return eventType => patterns.Length > 0 && regex.IsMatch(eventType);
    }

    /// <summary>The types and enums reachable from the events' data types.</summary>
    public static (List<TypeModel> Types, List<EnumModel> Enums) Reachable(IEnumerable<EventModel> events, IReadOnlyList<TypeModel> types, IEnumerable<EnumModel> enums)
    {
        var byName = types.ToDictionary(static type => type.Name, StringComparer.Ordinal);
        var derived = types.Where(static type => type.BaseName is not null).ToLookup(static type => type.BaseName!, StringComparer.Ordinal);
        var reachedTypes = new HashSet<string>(StringComparer.Ordinal);
        var reachedEnums = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(events.Select(static model => model.DataTypeName));
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (!byName.TryGetValue(name, out TypeModel? type) || !reachedTypes.Add(name))
            {
                continue;
            }

            if (type.BaseName is not null)
            {
                pending.Push(type.BaseName);
            }

            // A polymorphic base reads any of its subtypes: they come with it.
            if (type.Polymorphism is not null)
            {
                foreach (TypeModel subtype in derived[type.Name])
                {
                    pending.Push(subtype.Name);
                }
            }

            foreach (PropertyModel property in type.AllProperties)
            {
                for (TypeRef? value = property.Type; value is not null; value = value.Element)
                {
                    if (value.Kind == ValueKind.Object)
                    {
                        pending.Push(value.Name!);
                    }
                    else if (value.Kind == ValueKind.Enum)
                    {
                        reachedEnums.Add(value.Name!);
                    }
                }
            }
        }

        return (types.Where(type => reachedTypes.Contains(type.Name)).ToList(), enums.Where(model => reachedEnums.Contains(model.Name)).ToList());
    }
}
