using System;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// A reference resolver that never reads files or the network: a generator must not do I/O, and every reference
/// is checked to be a local <c>#/definitions/...</c> before NJsonSchema sees the document.
/// </summary>
internal sealed class NoNetworkReferenceResolver : JsonReferenceResolver
{
    public NoNetworkReferenceResolver(JsonSchema root)
        : base(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
    }

    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"The reference '{filePath}' points at another file; only references into this file's definitions are supported.");

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"The reference '{url}' points at a URL; only references into this file's definitions are supported.");
}
