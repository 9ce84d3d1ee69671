using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace MediaEvents.Webhook;

/// <summary>Checks <see cref="WebhookOptions"/> when the app starts: a bad configuration stops it with a clear message.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>(options.ParseErrors);
        const string Section = WebhookOptions.SectionName;
        if (!options.RequiresSecret && !options.AllowAnonymous)
        {
            errors.Add(
                $"No shared secret is configured: set {Section}:Secret (e.g. the environment variable {Section}__Secret) "
                + $"and pass it to Event Grid in the endpoint URL (?{options.SecretQueryName}=...) or as the delivery header "
                + $"{options.SecretHeaderName}. For local development only, set {Section}:AllowAnonymous=true to accept requests without it.");
        }

        if (options.Secret is { } secret && secret.Trim().Length != secret.Length)
        {
            errors.Add($"{Section}:Secret starts or ends with white space, which a query string or header would not carry reliably.");
        }

        if (!options.Path.StartsWith('/'))
        {
            errors.Add($"{Section}:Path is '{options.Path}': it must start with '/'.");
        }

        if (string.IsNullOrWhiteSpace(options.SecretQueryName))
        {
            errors.Add($"{Section}:SecretQueryName is empty.");
        }

        if (string.IsNullOrWhiteSpace(options.SecretHeaderName))
        {
            errors.Add($"{Section}:SecretHeaderName is empty.");
        }

        if (options.AllowedOrigins.Count == 0)
        {
            errors.Add($"{Section}:AllowedOrigins is empty: no origin could pass the CloudEvents handshake (use * to allow any).");
        }

        if (options.MaxInputBytes <= 0 || options.MaxInputBytes > int.MaxValue)
        {
            errors.Add($"{Section}:MaxInputBytes is {options.MaxInputBytes}: it must be between 1 and {int.MaxValue} bytes.");
        }

        if (options.MaxEventsPerDelivery <= 0)
        {
            errors.Add($"{Section}:MaxEventsPerDelivery is {options.MaxEventsPerDelivery}: it must be at least 1 (Event Grid delivers up to {WebhookOptions.DefaultMaxEventsPerDelivery}).");
        }

        if (options.MaxFailuresReported < 0)
        {
            errors.Add($"{Section}:MaxFailuresReported is {options.MaxFailuresReported}: it must be 0 or more.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
