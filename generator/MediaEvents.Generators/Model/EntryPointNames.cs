namespace MediaEvents.Generators.Model;

/// <summary>
/// The names of a spec's generated entry points, all made from one stem: <c>Media</c> gives
/// <c>IMediaEventVisitor</c>, <c>NonExhaustiveMediaEventVisitor</c>, <c>IMediaEventAsyncVisitor</c>,
/// <c>NonExhaustiveMediaEventAsyncVisitor</c>, <c>MediaEventDispatcher</c>, <c>MediaEventTypes</c> and
/// <c>MediaEventsJsonContext</c>.
/// </summary>
/// <param name="Stem">The stem: <c>MediaEventsName</c> metadata, else the spec's publisher.</param>
internal sealed record EntryPointNames(string Stem)
{
    public string Visitor => $"I{Stem}EventVisitor";

    public string NonExhaustiveVisitor => $"NonExhaustive{Stem}EventVisitor";

    public string AsyncVisitor => $"I{Stem}EventAsyncVisitor";

    public string NonExhaustiveAsyncVisitor => $"NonExhaustive{Stem}EventAsyncVisitor";

    public string Dispatcher => $"{Stem}EventDispatcher";

    public string Catalog => $"{Stem}EventTypes";

    public string Context => $"{Stem}EventsJsonContext";

    /// <summary>Every entry point name, for name-clash checks.</summary>
    public System.Collections.Generic.IEnumerable<string> All() => new[] { Visitor, NonExhaustiveVisitor, AsyncVisitor, NonExhaustiveAsyncVisitor, Dispatcher, Catalog, Context };
}
