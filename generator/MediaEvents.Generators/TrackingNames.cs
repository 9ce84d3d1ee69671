namespace MediaEvents.Generators;

/// <summary>The names of the pipeline's steps, for incrementality tests.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string Options = nameof(Options);
    public const string Documents = nameof(Documents);
    public const string Parse = nameof(Parse);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Models = nameof(Models);
    public const string MissingSpec = nameof(MissingSpec);
}
