using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaEvents.Generators.Emitting;

/// <summary>Identifiers and literals: spec names made into valid, idiomatic C#.</summary>
internal static class CSharpNames
{
    /// <summary>PascalCase from any spec name: <c>@odata.type</c> → <c>OdataType</c>, <c>previousState</c> → <c>PreviousState</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        // A name without letters or digits ("_", "-", "") gets a word, not a lone underscore: '_' is a discard.
        if (builder.Length == 0)
        {
            return "Member";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, "Member");
        }

        return builder.ToString();
    }

    /// <summary>camelCase for locals: <c>PreviousState</c> → <c>previousState</c>, escaped when a keyword.</summary>
    public static string ToLocal(string pascalName)
    {
        string local = pascalName.Length > 0 && pascalName[0] != '_'
            ? char.ToLowerInvariant(pascalName[0]) + pascalName.Substring(1)
            : pascalName;
        return Escape(local);
    }

    /// <summary>Prefixes <c>@</c> to a C# keyword.</summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    /// <summary>Whether the text is a valid (possibly dotted) namespace name.</summary>
    public static bool IsValidNamespace(string name)
    {
        foreach (string part in name.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the text can start a type name: a C# identifier that is not a keyword.</summary>
    public static bool IsValidTypeNameStem(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && !name.StartsWith("@", System.StringComparison.Ordinal);

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A C# UTF-8 string literal (<c>"..."u8</c>).</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    /// <summary>Text made safe for one line of an XML doc comment: escaped, line breaks as spaces.</summary>
    public static string XmlText(string text) => text
        .Replace("&", "&amp;")
        .Replace("<", "&lt;")
        .Replace(">", "&gt;")
        .Replace("\r", " ")
        .Replace("\n", " ");

    /// <summary>An integer in the invariant culture.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
