using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>Whatever the bytes, the reader returns a batch or throws a <see cref="MediaEventFormatException"/>: nothing else.</summary>
public class RobustnessTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxDepth = 8 });

    private static readonly string s_delivery = TestInput.Array(
        TestInput.StateChange("a"),
        """{"specversion":"1.0","id":"b","type":"Microsoft.Media.JobOutputProgress","source":"/s","time":"2024-01-01T00:00:00+02:00","data":{"label":12.5,"progress":"86","x":[[[1]]]},"ext":{"k":null}}""",
        """{"id":"c","data":{"state":"Finished","PREVIOUSSTATE":"Processing"},"eventType":"Microsoft.Media.JobStateChange"}""",
        """{"id":"d","eventType":"Other.Type","data":"\u00e9\ud83d\ude00"}""",
        "42");

    /// <summary>Reads each input; counts what it gave, and lists every exception other than a format exception.</summary>
    private static Outcome Outcomes(Func<byte[]> inputs, int count)
    {
        var outcome = new Outcome();
        for (int i = 0; i < count; i++)
        {
            byte[] input = inputs();
            try
            {
                MediaEventBatch batch = s_reader.Read(input);
                outcome.BatchesWithFailures += batch.HasFailures ? 1 : 0;
                foreach (MediaEventReadFailure failure in batch.Failures)
                {
                    Assert.False(string.IsNullOrEmpty(failure.Reason));
                    Assert.StartsWith("$", failure.Path, StringComparison.Ordinal);
                }
            }
            catch (MediaEventFormatException exception)
            {
                Assert.False(string.IsNullOrEmpty(exception.Message));
                outcome.FormatErrors++;
            }
            catch (Exception exception)
            {
                outcome.Unexpected.Add($"{exception.GetType().Name}: {exception.Message} for {Convert.ToBase64String(input)}");
            }
        }

        return outcome;
    }

    [Fact]
    public void TruncatedAtEveryByte_GivesABatchOrAFormatException()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(s_delivery);
        int length = 0;

        Outcome outcome = Outcomes(() => utf8[..length++], utf8.Length);

        Assert.Empty(outcome.Unexpected);
        Assert.Equal(utf8.Length, outcome.FormatErrors);
    }

    [Fact]
    public void TruncatedAtEveryByte_NeverReadsAsComplete()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(s_delivery);
        for (int length = 0; length < utf8.Length; length++)
        {
            Assert.Throws<MediaEventFormatException>(() => s_reader.Read(utf8.AsSpan(0, length)));
        }
    }

    [Fact]
    public void ThousandsOfAsciiMutations_GiveABatchOrAFormatException()
    {
        // Structural damage only: every input stays valid UTF-8.
        AssertMutationsAreHandled(seed: 20240314, anyByte: false);
    }

    [Fact]
    public void ThousandsOfByteMutations_GiveABatchOrAFormatException()
    {
        // Any byte, so some inputs are not valid UTF-8: a webhook body can be anything.
        AssertMutationsAreHandled(seed: 20240315, anyByte: true);
    }

    private static void AssertMutationsAreHandled(int seed, bool anyByte)
    {
        byte[] original = Encoding.UTF8.GetBytes(s_delivery);
        byte[] alphabet = Encoding.ASCII.GetBytes("{}[]\":,0123456789-+.eE \\/*tfnulZT");
        var random = new Random(seed);

        Outcome outcome = Outcomes(
            () =>
            {
                byte[] mutated = (byte[])original.Clone();
                int edits = random.Next(1, 4);
                for (int e = 0; e < edits; e++)
                {
                    int at = random.Next(mutated.Length);
                    mutated[at] = anyByte ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
                }

                return mutated;
            },
            5000);

        Assert.True(
            outcome.Unexpected.Count == 0,
            $"{outcome.Unexpected.Count} inputs threw something else than MediaEventFormatException:\n"
            + string.Join("\n", outcome.Unexpected.GroupBy(static u => u[..u.IndexOf(" for ", StringComparison.Ordinal)]).Select(static g => $"{g.Count()} × {g.Key}, e.g. {g.First()}")));

        // The mutations reach both outcomes, and the per-event failures: a run that only ever threw would prove little.
        Assert.True(outcome.FormatErrors > 0, "no mutation made the input malformed");
        Assert.True(outcome.BatchesWithFailures > 0, "no mutation failed a single event");
    }

    private sealed class Outcome
    {
        public List<string> Unexpected { get; } = [];

        public int BatchesWithFailures { get; set; }

        public int FormatErrors { get; set; }
    }
}
