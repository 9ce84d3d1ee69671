using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace MediaEvents.Webhook;

/// <summary>What <see cref="SharedSecret.Check"/> found.</summary>
public enum SecretCheck
{
    /// <summary>The request carries the secret, or none is required.</summary>
    Accepted,

    /// <summary>The request carries no secret.</summary>
    Missing,

    /// <summary>The request carries a secret, and it is not the configured one.</summary>
    Wrong,
}

/// <summary>
/// The shared secret of the endpoint, given as a header (checked first) or a query parameter. Compared in
/// constant time over SHA-256 digests, so that neither the content nor the length of the secret leaks through timing.
/// </summary>
public sealed class SharedSecret
{
    private readonly byte[]? _digest;
    private readonly string _queryName;
    private readonly string _headerName;

    /// <summary>Creates the check from the options.</summary>
    public SharedSecret(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _digest = options.RequiresSecret ? SHA256.HashData(Encoding.UTF8.GetBytes(options.Secret!)) : null;
        _queryName = options.SecretQueryName;
        _headerName = options.SecretHeaderName;
    }

    /// <summary>Checks the request's secret.</summary>
    public SecretCheck Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_digest is null)
        {
            return SecretCheck.Accepted;
        }

        StringValues supplied = request.Headers.TryGetValue(_headerName, out StringValues header) && !StringValues.IsNullOrEmpty(header)
            ? header
            : request.Query.TryGetValue(_queryName, out StringValues query) ? query : StringValues.Empty;
        if (StringValues.IsNullOrEmpty(supplied))
        {
            return SecretCheck.Missing;
        }

        // A repeated header or parameter is not a secret.
        if (supplied.Count != 1)
        {
            return SecretCheck.Wrong;
        }

        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(supplied.ToString()));
        return CryptographicOperations.FixedTimeEquals(digest, _digest) ? SecretCheck.Accepted : SecretCheck.Wrong;
    }

    /// <summary>The problem detail for a refused secret.</summary>
    public string Describe(SecretCheck check) => check == SecretCheck.Missing
        ? $"The request carries no shared secret: pass it in the '{_headerName}' header or the '{_queryName}' query parameter."
        : "The shared secret of the request is wrong.";
}
