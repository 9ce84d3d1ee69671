using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace MediaEvents.Json;

/// <summary>
/// A value in an event could not be read as the spec describes it. Carries the JSON path of the value and what
/// was expected there, so that a failure names exactly what was wrong and where.
/// </summary>
public sealed class MediaJsonException : JsonException
{
    // Segments are collected innermost first while the exception travels out of the nested readers.
    private readonly List<string> _segments = new();

    /// <summary>Creates the exception with the reason, e.g. "expected an integer (int64), found a string".</summary>
    public MediaJsonException(string reason)
        : base(reason)
    {
        Reason = reason;
    }

    /// <summary>What was wrong, without the path.</summary>
    public string Reason { get; }

    /// <summary>The JSON path below the point where reading started, e.g. <c>.output.progress</c> or <c>[2].state</c>.</summary>
    public string RelativePath
    {
        get
        {
            var builder = new StringBuilder();
            for (int i = _segments.Count - 1; i >= 0; i--)
            {
                builder.Append(_segments[i]);
            }

            return builder.ToString();
        }
    }

    /// <inheritdoc />
    public override string Message => _segments.Count == 0 ? Reason : $"{Reason} (at ${RelativePath})";

    /// <summary>Records that the failing value sits in the named property; returns this exception to rethrow.</summary>
    public MediaJsonException InProperty(string propertyName)
    {
        _segments.Add(PropertySegment(propertyName));
        return this;
    }

    /// <summary>Records that the failing value sits at an array index; returns this exception to rethrow.</summary>
    public MediaJsonException AtIndex(int index)
    {
        _segments.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
        return this;
    }

    /// <summary>The path segment of a property: <c>.name</c>, or <c>['odd name']</c> for a name of other characters.</summary>
    internal static string PropertySegment(string propertyName) =>
        IsPlainName(propertyName) ? "." + propertyName : "['" + propertyName.Replace("'", "\\'") + "']";

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
