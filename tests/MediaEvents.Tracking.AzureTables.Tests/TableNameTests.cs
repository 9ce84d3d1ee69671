using Xunit;

namespace MediaEvents.Tracking.AzureTables.Tests;

/// <summary><see cref="TableMediaStateStore.IsValidTableName"/>: the names Azure Table Storage accepts, checked before any request.</summary>
public sealed class TableNameTests
{
    [Theory]
    [InlineData("MediaState", true)]
    [InlineData("abc", true)]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123", true)]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234", false)]
    [InlineData("ab", false)]
    [InlineData("1state", false)]
    [InlineData("media-state", false)]
    [InlineData("media_state", false)]
    [InlineData("médiastate", false)]
    [InlineData("Tables", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_table_name_is_three_to_63_letters_and_digits_starting_with_a_letter_and_not_tables(string? name, bool valid)
    {
        Assert.Equal(valid, TableMediaStateStore.IsValidTableName(name));
    }
}
