using System;
using System.Collections.Generic;
using MediaEvents.Webhooks;
using Xunit;

namespace MediaEvents.Tests.Webhooks;

public class CloudEventsWebhookHandshakeTests
{
    private static readonly string[] s_eventGrid = ["eventgrid.azure.net"];

    private static KeyValuePair<string, string> Header(string name, string value) => new(name, value);

    [Fact]
    public void AllowedOrigin_WithoutRate_EchoesTheOrigin()
    {
        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate("eventgrid.azure.net", null, null, s_eventGrid);

        Assert.True(result.IsAllowed);
        Assert.Equal(CloudEventsHandshakeRefusal.None, result.Refusal);
        Assert.Null(result.Reason);
        Assert.Equal("eventgrid.azure.net", result.AllowedOrigin);
        Assert.Null(result.AllowedRate);
        Assert.Equal("eventgrid.azure.net", result.RequestOrigin);
        Assert.Equal(
            new[] { Header("WebHook-Allowed-Origin", "eventgrid.azure.net"), Header("Allow", "POST, OPTIONS") },
            result.ResponseHeaders);
    }

    [Fact]
    public void AllowedOrigin_WithRate_GrantsTheRate()
    {
        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate("eventgrid.azure.net", "120", "https://cb.example/confirm?key=s", s_eventGrid);

        Assert.True(result.IsAllowed);
        Assert.Equal("120", result.AllowedRate);
        Assert.Equal("https://cb.example/confirm?key=s", result.CallbackUrl);
        Assert.Equal(
            new[]
            {
                Header("WebHook-Allowed-Origin", "eventgrid.azure.net"),
                Header("WebHook-Allowed-Rate", "120"),
                Header("Allow", "POST, OPTIONS"),
            },
            result.ResponseHeaders);
    }

    [Fact]
    public void MaxRate_LowersALargerRequestedRate_AndIsSentWhenNoneWasRequested()
    {
        var options = new CloudEventsHandshakeOptions { MaxRatePerMinute = 100 };

        Assert.Equal("100", CloudEventsWebhookHandshake.Evaluate("eventgrid.azure.net", "500", null, s_eventGrid, options).AllowedRate);
        Assert.Equal("30", CloudEventsWebhookHandshake.Evaluate("eventgrid.azure.net", "30", null, s_eventGrid, options).AllowedRate);
        Assert.Equal("100", CloudEventsWebhookHandshake.Evaluate("eventgrid.azure.net", null, null, s_eventGrid, options).AllowedRate);
        Assert.Throws<ArgumentOutOfRangeException>(static () => new CloudEventsHandshakeOptions { MaxRatePerMinute = 0 });
    }

    [Fact]
    public void WildcardOption_AnswersStar()
    {
        var options = new CloudEventsHandshakeOptions { RespondWithWildcardOrigin = true };

        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate("eventgrid.azure.net", "10", null, s_eventGrid, options);

        Assert.True(result.IsAllowed);
        Assert.Equal("*", result.AllowedOrigin);
        Assert.Equal("eventgrid.azure.net", result.RequestOrigin);
        Assert.Contains(Header("WebHook-Allowed-Origin", "*"), result.ResponseHeaders);
        Assert.Contains(Header("WebHook-Allowed-Rate", "10"), result.ResponseHeaders);
    }

    [Fact]
    public void WildcardOption_DoesNotAllowAnOriginOutsideTheList()
    {
        var options = new CloudEventsHandshakeOptions { RespondWithWildcardOrigin = true };

        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate("evil.example.com", null, null, s_eventGrid, options);

        Assert.False(result.IsAllowed);
        Assert.Equal(CloudEventsHandshakeRefusal.OriginNotAllowed, result.Refusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingOrigin_IsRefused(string? origin)
    {
        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate(origin, "120", null, ["*"]);

        Assert.False(result.IsAllowed);
        Assert.Equal(CloudEventsHandshakeRefusal.MissingOrigin, result.Refusal);
        Assert.Contains("WebHook-Request-Origin", result.Reason, StringComparison.Ordinal);
        Assert.Null(result.AllowedOrigin);
        Assert.Null(result.AllowedRate);
        Assert.Null(result.RequestOrigin);
        Assert.Empty(result.ResponseHeaders);
    }

    [Fact]
    public void OriginNotInTheList_IsRefused()
    {
        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate("evil.example.com", "120", "https://cb", s_eventGrid);

        Assert.False(result.IsAllowed);
        Assert.Equal(CloudEventsHandshakeRefusal.OriginNotAllowed, result.Refusal);
        Assert.Contains("'evil.example.com'", result.Reason, StringComparison.Ordinal);
        Assert.Contains("not allowed", result.Reason, StringComparison.Ordinal);
        Assert.Equal("evil.example.com", result.RequestOrigin);
        Assert.Equal("https://cb", result.CallbackUrl);
        Assert.Empty(result.ResponseHeaders);
        Assert.StartsWith("refused: ", result.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EventGrid.Azure.NET")]
    [InlineData("  eventgrid.azure.net ")]
    public void OriginMatch_IgnoresCaseAndSurroundingSpace_AndEchoesWhatWasSent(string origin)
    {
        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate(origin, null, null, s_eventGrid);

        Assert.True(result.IsAllowed);
        Assert.Equal(origin.Trim(), result.AllowedOrigin);
    }

    [Fact]
    public void StarInTheList_AllowsAnyOrigin()
    {
        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate("anything.example.org", null, null, ["other.example", "*"]);

        Assert.True(result.IsAllowed);
        Assert.Equal("anything.example.org", result.AllowedOrigin);
    }

    [Fact]
    public void EmptyList_AllowsNothing()
    {
        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate("eventgrid.azure.net", null, null, Array.Empty<string>());

        Assert.False(result.IsAllowed);
        Assert.Equal(CloudEventsHandshakeRefusal.OriginNotAllowed, result.Refusal);
    }

    [Fact]
    public void Predicate_DecidesAndSeesTheTrimmedOrigin()
    {
        var seen = new List<string>();
        bool IsAllowed(string origin)
        {
            seen.Add(origin);
            return origin.EndsWith(".azure.net", StringComparison.OrdinalIgnoreCase);
        }

        CloudEventsHandshakeResult allowed = CloudEventsWebhookHandshake.Evaluate(" eventgrid.azure.net", "5", null, IsAllowed);
        CloudEventsHandshakeResult refused = CloudEventsWebhookHandshake.Evaluate("example.com", "5", null, IsAllowed);

        Assert.True(allowed.IsAllowed);
        Assert.Equal("5", allowed.AllowedRate);
        Assert.False(refused.IsAllowed);
        Assert.Equal(CloudEventsHandshakeRefusal.OriginNotAllowed, refused.Refusal);
        Assert.Equal(new[] { "eventgrid.azure.net", "example.com" }, seen);
    }

    [Fact]
    public void Predicate_IsNotAskedWithoutAnOrigin()
    {
        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate(null, null, null, static _ => throw new InvalidOperationException("must not be called"));

        Assert.Equal(CloudEventsHandshakeRefusal.MissingOrigin, result.Refusal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("1.5")]
    [InlineData("*")]
    [InlineData("99999999999")]
    public void InvalidRequestedRate_IsRefused(string rate)
    {
        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate("eventgrid.azure.net", rate, null, s_eventGrid);

        Assert.False(result.IsAllowed);
        Assert.Equal(CloudEventsHandshakeRefusal.InvalidRequestRate, result.Refusal);
        Assert.Contains($"'{rate}'", result.Reason, StringComparison.Ordinal);
        Assert.Contains("WebHook-Request-Rate", result.Reason, StringComparison.Ordinal);
        Assert.Empty(result.ResponseHeaders);
    }

    [Fact]
    public void NullArguments_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(static () => CloudEventsWebhookHandshake.Evaluate("a", null, null, (Func<string, bool>)null!));
        Assert.Throws<ArgumentNullException>(static () => CloudEventsWebhookHandshake.Evaluate("a", null, null, (IEnumerable<string>)null!));
    }
}
