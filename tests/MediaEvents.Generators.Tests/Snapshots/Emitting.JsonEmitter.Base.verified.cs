public sealed partial class PetEventsJsonContext
{
    /// <summary>Reads and writes <see cref="global::Contoso.Pets.PetEventData"/> with <see cref="global::System.Text.Json.Utf8JsonReader"/> directly.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("MediaEvents.Generators", "{version}")]
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class PetEventDataConverter : global::MediaEvents.Json.MediaJsonConverter<global::Contoso.Pets.PetEventData>
    {
        /// <summary>Creates the converter.</summary>
        public PetEventDataConverter() : base(ReadValue, WriteValue) { }

        /// <summary>Reads the object at the reader; <see langword="null"/> for JSON null.</summary>
        public static global::Contoso.Pets.PetEventData? ReadValue(ref global::System.Text.Json.Utf8JsonReader reader, global::MediaEvents.Json.MediaJsonReadContext context) =>
            (global::Contoso.Pets.PetEventData?)global::MediaEvents.Json.MediaJson.ReadObject<Members>(ref reader, context);

        /// <summary>Writes the object: spec members in the spec's order (absent ones omitted), then unknown members as they arrived.</summary>
        public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, global::Contoso.Pets.PetEventData value) =>
            global::MediaEvents.Json.MediaJson.WriteObject(writer, value, value?.UnknownMembers, WriteMembers);

        internal static void WriteMembers(global::System.Text.Json.Utf8JsonWriter writer, global::Contoso.Pets.PetEventData value)
        {
            writer.WritePropertyName(Members.Names.Encoded(Members.Name));
            writer.WriteStringValue(value.Name);
            global::MediaEvents.Json.MediaJson.WriteList(writer, Members.Names.Encoded(Members.Tags), value.Tags, static (itemWriter1, item1) => itemWriter1.WriteStringValue(item1));
        }

        internal struct Members : global::MediaEvents.Json.IMediaJsonObject
        {
            internal const int Name = 0, Tags = 1;

            internal string? name;
            internal global::System.Collections.Generic.IReadOnlyList<string>? tags;

            public static global::MediaEvents.Json.MediaJsonPropertyNames Names { get; } = new("name", "tags");

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            public static int MatchExact(global::System.ReadOnlySpan<byte> name) => MatchOwn(name);

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            internal static int MatchOwn(global::System.ReadOnlySpan<byte> name) => name.Length switch
            {
                4 when global::System.MemoryExtensions.SequenceEqual(name, "name"u8) => Name,
                4 when global::System.MemoryExtensions.SequenceEqual(name, "tags"u8) => Tags,
                _ => -1,
            };

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            public void ReadMember(int member, ref global::System.Text.Json.Utf8JsonReader reader, global::MediaEvents.Json.MediaJsonReadContext context)
            {
                switch (member)
                {
                    case Name:
                        name = global::MediaEvents.Json.MediaJson.ReadString(ref reader, context) ?? global::MediaEvents.Json.MediaJson.NullNotAllowed<string>(ref reader);
                        break;
                    case Tags:
                        tags = global::MediaEvents.Json.MediaJson.ReadList<string>(ref reader, context, static (ref global::System.Text.Json.Utf8JsonReader itemReader1, global::MediaEvents.Json.MediaJsonReadContext itemContext1) => global::MediaEvents.Json.MediaJson.ReadString(ref itemReader1, itemContext1) ?? global::MediaEvents.Json.MediaJson.NullNotAllowed<string>(ref itemReader1));
                        break;
                }
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            public readonly object Create(global::MediaEvents.Json.JsonMembers? unknownMembers) => new global::Contoso.Pets.PetEventData
            {
                Name = name ?? global::MediaEvents.Json.MediaJson.MissingRequired<string>("name"),
                Tags = tags,
                UnknownMembers = unknownMembers,
            };
        }
    }
}
