namespace MediaEvents.Generators.Model;

/// <summary>What the build tells the generator about the project, for advice on setting it up.</summary>
/// <param name="ProjectDirectory">The project file's directory (<c>build_property.ProjectDir</c>), if the build passes it.</param>
/// <param name="ItemMetadataVisible">
/// Whether the generator's build props are imported: only then does the compiler see the <c>MediaEventsSpec</c>
/// metadata of an item (a PackageReference imports them; a ProjectReference consumer imports them by hand).
/// </param>
internal sealed record ProjectSetup(string? ProjectDirectory, bool ItemMetadataVisible);
