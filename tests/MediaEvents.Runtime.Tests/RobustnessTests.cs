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

    private static List<string> Outcomes(Func<byte[]> inputs, int count)
    {
        var unexpected = new List<string>();
        for (int i = 0; i < count; i++)
        {
            byte[] input = inputs();
            try
            {
                MediaEventBatch batch = s_reader.Read(input);
                foreach (MediaEventReadFailure failure in batch.Failures)
                {
                    Assert.False(string.IsNullOrEmpty(failure.Reason));
                    Assert.StartsWith("$", failure.Path, StringComparison.Ordinal);
                }
            }
            catch (MediaEventFormatException)
            {
            }
            catch (Exception exception)
            {
                unexpected.Add($"{exception.GetType().Name}: {exception.Message} for {Convert.ToBase64String(input)}");
            }
        }

        return unexpected;
    }

    [Fact]
    public void TruncatedAtEveryByte_GivesABatchOrAFormatException()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(s_delivery);
        int length = 0;

        List<string> unexpected = Outcomes(() => utf8[..length++], utf8.Length);

        Assert.Empty(unexpected);
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

        List<string> unexpected = Outcomes(
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
            unexpected.Count == 0,
            $"{unexpected.Count} inputs threw something else than MediaEventFormatException:\n"
            + string.Join("\n", unexpected.GroupBy(static u => u[..u.IndexOf(" for ", StringComparison.Ordinal)]).Select(static g => $"{g.Count()} × {g.Key}, e.g. {g.First()}")));
    }
}
