public sealed partial class PetEventsJsonContext
{
    /// <summary>Reads and writes <see cref="global::Contoso.Pets.PetFedEventData"/> with <see cref="global::System.Text.Json.Utf8JsonReader"/> directly.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("MediaEvents.Generators", "{version}")]
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class PetFedEventDataConverter : global::MediaEvents.Json.MediaJsonConverter<global::Contoso.Pets.PetFedEventData>
    {
        /// <summary>Creates the converter.</summary>
        public PetFedEventDataConverter() : base(ReadValue, WriteValue) { }

        /// <summary>Reads the object at the reader; <see langword="null"/> for JSON null.</summary>
        public static global::Contoso.Pets.PetFedEventData? ReadValue(ref global::System.Text.Json.Utf8JsonReader reader, global::MediaEvents.Json.MediaJsonReadContext context) =>
            (global::Contoso.Pets.PetFedEventData?)global::MediaEvents.Json.MediaJson.ReadObject<Members>(ref reader, context);

        /// <summary>Writes the object: spec members in the spec's order (absent ones omitted), then unknown members as they arrived.</summary>
        public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, global::Contoso.Pets.PetFedEventData value) =>
            global::MediaEvents.Json.MediaJson.WriteObject(writer, value, value?.UnknownMembers, WriteMembers);

        internal static void WriteMembers(global::System.Text.Json.Utf8JsonWriter writer, global::Contoso.Pets.PetFedEventData value)
        {
            PetEventDataConverter.WriteMembers(writer, value);
            global::MediaEvents.Json.MediaJson.WriteMember(writer, Members.Names.Encoded(Members.Owner), value.Owner, PetOwnerConverter.WriteValue);
            global::MediaEvents.Json.MediaJson.WriteMember(writer, Members.Names.Encoded(Members.Mood), value.Mood);
            global::MediaEvents.Json.MediaJson.WriteMap(writer, Members.Names.Encoded(Members.Friends), value.Friends, PetOwnerConverter.WriteValue);
            writer.WritePropertyName(Members.Names.Encoded(Members.Weight));
            global::MediaEvents.Json.MediaJson.WriteDouble(writer, value.Weight);
        }

        internal struct Members : global::MediaEvents.Json.IMediaJsonObject
        {
            internal const int Owner = 2, Mood = 3, Friends = 4, Weight = 5;

            internal PetEventDataConverter.Members Base;
            internal global::Contoso.Pets.PetOwner? owner;
            internal global::Contoso.Pets.PetMood? mood;
            internal global::System.Collections.Generic.IReadOnlyDictionary<string, global::Contoso.Pets.PetOwner>? friends;
            internal double? weight;

            public static global::MediaEvents.Json.MediaJsonPropertyNames Names { get; } = new("name", "tags", "owner", "mood", "friends", "weight");

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            public static int MatchExact(global::System.ReadOnlySpan<byte> name) => name.Length switch
            {
                4 when global::System.MemoryExtensions.SequenceEqual(name, "mood"u8) => Mood,
                5 when global::System.MemoryExtensions.SequenceEqual(name, "owner"u8) => Owner,
                6 when global::System.MemoryExtensions.SequenceEqual(name, "weight"u8) => Weight,
                7 when global::System.MemoryExtensions.SequenceEqual(name, "friends"u8) => Friends,
                _ => PetEventDataConverter.Members.MatchOwn(name),
            };

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            public void ReadMember(int member, ref global::System.Text.Json.Utf8JsonReader reader, global::MediaEvents.Json.MediaJsonReadContext context)
            {
                switch (member)
                {
                    case Owner:
                        owner = PetOwnerConverter.ReadValue(ref reader, context);
                        break;
                    case Mood:
                        mood = global::MediaEvents.Json.MediaJson.ReadEnum<global::Contoso.Pets.PetMood>(ref reader);
                        break;
                    case Friends:
                        friends = global::MediaEvents.Json.MediaJson.ReadObjectMap(ref reader, context, PetOwnerConverter.ReadValue);
                        break;
                    case Weight:
                        weight = global::MediaEvents.Json.MediaJson.ReadDouble(ref reader) ?? global::MediaEvents.Json.MediaJson.NullNotAllowed<double>(ref reader);
                        break;
                    default:
                        Base.ReadMember(member, ref reader, context);
                        break;
                }
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            public readonly object Create(global::MediaEvents.Json.JsonMembers? unknownMembers) => new global::Contoso.Pets.PetFedEventData
            {
                Name = Base.name ?? global::MediaEvents.Json.MediaJson.MissingRequired<string>("name"),
                Tags = Base.tags,
                Owner = owner,
                Mood = mood,
                Friends = friends,
                Weight = weight ?? global::MediaEvents.Json.MediaJson.MissingRequired<double>("weight"),
                UnknownMembers = unknownMembers,
            };
        }
    }
}
