using System.Linq;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Tests.Emitting;

/// <summary>
/// Small models built by hand, each with one thing to show: an emitter's change is reviewed in a snapshot of a few
/// dozen lines instead of the whole spec's output.
/// </summary>
internal static class EmitterModels
{
    private static readonly PropertyModel s_name = new("name", "Name", new TypeRef(ValueKind.String), "The pet's name.", IsRequired: true);
    private static readonly PropertyModel s_tags = new("tags", "Tags", new TypeRef(ValueKind.Array, Element: new TypeRef(ValueKind.String)), "Free tags.", IsRequired: false);
    private static readonly PropertyModel s_owner = new("owner", "Owner", new TypeRef(ValueKind.Object, "PetOwner"), "Who looks after it.", IsRequired: false);
    private static readonly PropertyModel s_mood = new("mood", "Mood", new TypeRef(ValueKind.Enum, "PetMood"), "How it feels today,\nas its owner tells.", IsRequired: false);
    private static readonly PropertyModel s_friends = new("friends", "Friends", new TypeRef(ValueKind.Map, Element: new TypeRef(ValueKind.Object, "PetOwner")), null, IsRequired: false);
    private static readonly PropertyModel s_weight = new("weight", "Weight", new TypeRef(ValueKind.Double), null, IsRequired: true);

    /// <summary>A base, a derived type that adds members of every shape, the type they refer to, and an enum.</summary>
    public static SpecModel Pets { get; } = new()
    {
        Namespace = "Contoso.Pets",
        Accessibility = "public",
        Names = new EntryPointNames("Pet"),
        SpecPath = "/specs/pets.json",
        SpecVersion = "1.0",
        Types = new[]
        {
            Type("PetEventData", baseName: null, hasDerived: true, own: new[] { s_name, s_tags }, all: new[] { s_name, s_tags }, "A pet's event."),
            Type("PetFedEventData", baseName: "PetEventData", hasDerived: false, own: new[] { s_owner, s_mood, s_friends, s_weight }, all: new[] { s_name, s_tags, s_owner, s_mood, s_friends, s_weight }, "Schema of the Data property of an EventGridEvent for a Contoso.Pets.Fed event."),
            Type("PetOwner", baseName: null, hasDerived: false, own: new[] { s_name }, all: new[] { s_name }, null),
        }.ToEquatableArray(),
        Enums = new[]
        {
            new EnumModel("PetMood", "How a pet feels.", new[] { new EnumValueModel("happy", "Happy", "Wags."), new EnumValueModel("grumpy", "Grumpy", null) }.ToEquatableArray(), IsExtensible: true),
        }.ToEquatableArray(),
        Events = new[]
        {
            new EventModel("Contoso.Pets.Fed", "Fed", "PetFedEventData", null),
            new EventModel("Contoso.Pets.Walked", "Walked", "PetEventData", null),
        }.ToEquatableArray(),
    };

    public static TypeModel TypeNamed(string name) => Pets.Types.Single(type => type.Name == name);

    private static TypeModel Type(string name, string? baseName, bool hasDerived, PropertyModel[] own, PropertyModel[] all, string? description) => new()
    {
        Name = name,
        DefinitionName = name,
        Description = description,
        BaseName = baseName,
        HasDerivedTypes = hasDerived,
        OwnProperties = own.ToEquatableArray(),
        AllProperties = all.ToEquatableArray(),
    };
}
