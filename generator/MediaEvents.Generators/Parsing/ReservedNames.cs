using System.Collections.Generic;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// C# names a spec may not map to, because the generated code or the runtime already uses them where the
/// spec's name would land: a clash is reported as MEG0006 instead of becoming a compile error in generated code.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Members every generated record has (its own or System.Object's).</summary>
    public static readonly IReadOnlyList<string> RecordMembers = new[]
    {
        "UnknownMembers", "EqualityContract", "ToString", "GetHashCode", "Equals", "PrintMembers", "Clone", "Deconstruct",
        "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Members every generated enum struct has.</summary>
    public static readonly IReadOnlyList<string> EnumMembers = new[]
    {
        "Value", "IsKnown", "FromUtf8", "Equals", "ToString", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>
    /// Type names taken in the generated namespace besides the spec's entry points (<see cref="Model.EntryPointNames"/>):
    /// the runtime's types and namespaces (the default namespace is the runtime's own; a test checks this list against
    /// the runtime assembly), and the serializer context's members (it has a property per type).
    /// </summary>
    public static readonly IReadOnlyList<string> TypeNames = new[]
    {
        "Json", "Webhooks", "AzureInterop", "MediaEvent", "MediaEventType", "MediaEventCatalog", "MediaEventReader", "MediaEventReaderOptions",
        "MediaEventBatch", "MediaEventDispatchResult", "MediaEventReadResult", "MediaEventReadFailure", "MediaEventSchema", "MediaEventFailureMode",
        "MediaEventBatchException", "MediaEventFormatException", "BoundedStreamReader", "InputTooLargeException", "MediaEventWriter",
        "Options", "Default", "GetTypeInfo", "GeneratedSerializerOptions",
        "ToString", "GetHashCode", "Equals", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        "UnknownMembers", "EqualityContract", "PrintMembers", "Clone", "Deconstruct", "Value", "IsKnown", "FromUtf8",
    };
}
