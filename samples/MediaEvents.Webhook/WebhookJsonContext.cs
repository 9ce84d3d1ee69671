using System.Text.Json.Serialization;
using MediaEvents.Webhook.Status;

namespace MediaEvents.Webhook;

/// <summary>The JSON of <c>/status</c>, generated at compile time: no reflection, safe to trim.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(StatusSnapshot))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext
{
}
