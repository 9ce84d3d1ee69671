using System;
using System.Buffers;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MediaEvents.Webhook;

/// <summary>The JSON answers of the endpoints: short RFC 9457 problem bodies (<c>application/problem+json</c>) and plain JSON, written without reflection.</summary>
public static class Responses
{
    /// <summary>The media type of a problem body.</summary>
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Writes <c>{"title","status","detail"}</c> (the problem type is the default, <c>about:blank</c>) with the status code.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The status code.</param>
    /// <param name="title">A short, fixed summary of the kind of problem.</param>
    /// <param name="detail">What was wrong with this request.</param>
    public static Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            writer.WriteEndObject();
        }

        return WriteJsonAsync(context, status, buffer.WrittenMemory, ProblemContentType);
    }

    /// <summary>Writes UTF-8 JSON with the status code and content type.</summary>
    public static async Task WriteJsonAsync(HttpContext context, int status, ReadOnlyMemory<byte> utf8Json, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpResponse response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = utf8Json.Length;
        await response.Body.WriteAsync(utf8Json, context.RequestAborted).ConfigureAwait(false);
    }
}
