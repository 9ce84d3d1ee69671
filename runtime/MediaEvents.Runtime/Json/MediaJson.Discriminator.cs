using System;

namespace MediaEvents.Json;

// A subtype of a discriminated type sets its discriminator itself; its init accessor holds a value set by hand to it.
public static partial class MediaJson
{
    /// <summary>
    /// Checks a value set by hand on a subtype's discriminator member, which the subtype sets itself: the subtype's
    /// own value is accepted (and changes nothing), any other value fails at once rather than being written as a kind
    /// the object is not (which would read back as another type).
    /// </summary>
    /// <param name="value">The value set.</param>
    /// <param name="expected">The subtype's discriminator value.</param>
    /// <param name="member">The member, as <c>Type.Property</c>, for the message.</param>
    /// <param name="fallback">The base's subtype for kinds the spec does not list, for the message.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not <paramref name="expected"/>.</exception>
    public static void ExpectDiscriminator(string? value, string expected, string member, string fallback)
    {
        if (!string.Equals(value, expected, StringComparison.Ordinal))
        {
            string found = value is null ? "null" : $"\"{value}\"";
            throw new ArgumentException(
                $"{member} is always \"{expected}\", set by the type itself: it cannot be set to {found}. An object of another kind is another type ({fallback} for a kind the spec does not list).",
                nameof(value));
        }
    }
}
