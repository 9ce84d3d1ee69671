using System.Collections.Generic;
using System.Globalization;
using MediaEvents.Generators.Diagnostics;
using Newtonsoft.Json.Linq;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// The C# type names of one spec's namespace: names the generated entry points and the runtime take are held
/// from the start, and every definition, inline type and enum claims its own. A name that is taken is not an
/// error: the later claimant gets the next free numbered name, with a warning that says so.
/// </summary>
internal sealed class TypeNameRegistry
{
    private readonly ParseContext _context;
    private readonly Dictionary<string, string> _owners = new(System.StringComparer.Ordinal);

    public TypeNameRegistry(ParseContext context, IEnumerable<string> entryPoints)
    {
        _context = context;
        foreach (string name in entryPoints)
        {
            _owners[name] = $"the generated '{name}'";
        }

        foreach (string name in ReservedNames.TypeNames)
        {
            _owners[name] = $"the name '{name}' that the generated code or the runtime uses";
        }
    }

    public bool IsTaken(string name) => _owners.ContainsKey(name);

    /// <summary>
    /// Claims <paramref name="wanted"/> for <paramref name="owner"/>; when it is taken, <paramref name="alternative"/>
    /// (a name made from where the owner sits), else the next free numbered name.
    /// </summary>
    public string Claim(string wanted, string owner, JToken? at, string? alternative = null)
    {
        if (!_owners.TryGetValue(wanted, out string? holder))
        {
            _owners[wanted] = owner;
            return wanted;
        }

        string name = alternative is not null && !_owners.ContainsKey(alternative) ? alternative : wanted;
        for (int i = 2; _owners.ContainsKey(name); i++)
        {
            name = wanted + i.ToString(CultureInfo.InvariantCulture);
        }

        _owners[name] = owner;
        _context.Report(DiagnosticDescriptors.NameCollision, at, holder, owner, wanted, $"{owner} is generated as '{name}'");
        return name;
    }
}
