using System;
using System.IO;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace MediaEvents.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshots in Verify's file layout: <c>Name.verified.cs</c> is the accepted text; a mismatch writes
/// <c>Name.received.cs</c> beside it and fails. Set MEDIAEVENTS_ACCEPT_SNAPSHOTS=1 to accept what is received.
/// </summary>
internal static class Snapshot
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "MediaEvents.Generators.Tests", "Snapshots");

    public static void Verify(string name, string actual)
    {
        string scrubbed = Scrub(actual);
        string verified = Path.Combine(Directory, name + ".verified.cs");
        string received = Path.Combine(Directory, name + ".received.cs");
        string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == scrubbed)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("MEDIAEVENTS_ACCEPT_SNAPSHOTS") == "1")
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(verified, scrubbed);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, scrubbed);
        throw new XunitException(expected is null
            ? $"No snapshot {verified} yet; wrote {received}. Review it, then accept with MEDIAEVENTS_ACCEPT_SNAPSHOTS=1."
            : $"The output differs from {verified}; wrote {received}. Compare them, then accept with MEDIAEVENTS_ACCEPT_SNAPSHOTS=1 if the change is intended.");
    }

    // The generator's version changes with every release; the snapshots should not.
    private static string Scrub(string text) =>
        Regex.Replace(text.Replace("\r\n", "\n"), "GeneratedCode\\(\"MediaEvents.Generators\", \"[^\"]+\"\\)", "GeneratedCode(\"MediaEvents.Generators\", \"{version}\")");
}
