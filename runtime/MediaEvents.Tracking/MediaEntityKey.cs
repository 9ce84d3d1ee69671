using System;

namespace MediaEvents.Tracking;

/// <summary>
/// Identifies one tracked resource: its kind and its subject. The subject is compared as the service sends it,
/// without a leading <c>/</c> (<c>/LiveEvents/x</c> and <c>LiveEvents/x</c> are one live event).
/// </summary>
/// <remarks>
/// A subject is unique within one Media Services account; follow several accounts with one tracker (or store) each,
/// or give the store a partition per account.
/// </remarks>
public readonly record struct MediaEntityKey
{
    /// <summary>Creates the key of a resource of <paramref name="kind"/> with <paramref name="subject"/>.</summary>
    /// <exception cref="ArgumentException">The subject is empty or only slashes.</exception>
    public MediaEntityKey(MediaEntityKind kind, string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        string normalized = subject.TrimStart('/');
        if (normalized.Length == 0)
        {
            throw new ArgumentException($"A subject names the resource, e.g. 'transforms/T/jobs/J'; '{subject}' names none.", nameof(subject));
        }

        Kind = kind;
        Subject = normalized;
    }

    /// <summary>The kind of resource.</summary>
    public MediaEntityKind Kind { get; }

    /// <summary>The event subject that names the resource, without a leading <c>/</c>.</summary>
    public string Subject { get; }

    /// <summary>The key of the job with <paramref name="subject"/>.</summary>
    public static MediaEntityKey Job(string subject) => new(MediaEntityKind.Job, subject);

    /// <summary>The key of the live event with <paramref name="subject"/>.</summary>
    public static MediaEntityKey LiveEvent(string subject) => new(MediaEntityKind.LiveEvent, subject);

    /// <summary>The key as one string (<c>job:transforms/T/jobs/J</c>), for stores that key by a string.</summary>
    public override string ToString() => (Kind == MediaEntityKind.Job ? "job:" : "liveEvent:") + Subject;
}
