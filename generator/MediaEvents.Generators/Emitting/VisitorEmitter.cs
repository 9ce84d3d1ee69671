using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>
/// Emits the exhaustive visitor (one method per event type: a new event in the spec is a compile error in every
/// implementation until handled), the non-exhaustive base class, and the dispatcher.
/// </summary>
internal static class VisitorEmitter
{
    public static string EmitInterface(SpecModel spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        writer.Block($$"""
            /// <summary>
            /// Handles every event type of the spec, one method each, plus events of types the spec does not define.
            /// Exhaustive by design: when the spec gains an event type, this interface gains a method, and every
            /// implementation fails to compile until it handles it. For a few events only, derive from
            /// <see cref="{{spec.Names.NonExhaustiveVisitor}}"/> instead.
            /// </summary>
            {{GeneratedCode.Attribute}}
            {{spec.Accessibility}} partial interface {{spec.Names.Visitor}}
            """);
        writer.Open();
        foreach (EventModel model in spec.Events)
        {
            writer.Line($"/// <summary>Handles a <c>{model.EventType}</c> event.</summary>");
            writer.Line($"/// <param name=\"mediaEvent\">The event: its envelope, and its data in <c>Data</c>.</param>");
            writer.Line($"void Visit{model.Name}({TypeNames.Runtime}.MediaEvent<global::{spec.Namespace}.{model.DataTypeName}> mediaEvent);");
            writer.Line();
        }

        writer.Line("/// <summary>Handles an event of a type the spec does not define; its data is in <c>RawData</c>, as it arrived.</summary>");
        writer.Line("/// <param name=\"mediaEvent\">The event.</param>");
        writer.Line($"void VisitUnknown({TypeNames.Runtime}.MediaEvent mediaEvent);");
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }

    public static string EmitBaseClass(SpecModel spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        writer.Block($$"""
            /// <summary>
            /// A visitor for consumers who want a few events only: override the methods you need; every other event,
            /// unknown ones included, goes to <see cref="VisitOther"/>, which does nothing unless overridden.
            /// Not exhaustive: a new event type in the spec is not a compile error here. Implement
            /// <see cref="{{spec.Names.Visitor}}"/> directly to be told.
            /// </summary>
            {{GeneratedCode.Attribute}}
            {{spec.Accessibility}} abstract partial class {{spec.Names.NonExhaustiveVisitor}} : global::{{spec.Namespace}}.{{spec.Names.Visitor}}
            """);
        writer.Open();
        foreach (EventModel model in spec.Events)
        {
            writer.Line($"/// <summary>Handles a <c>{model.EventType}</c> event; by default passes it to <see cref=\"VisitOther\"/>.</summary>");
            writer.Line($"/// <param name=\"mediaEvent\">The event.</param>");
            writer.Line($"public virtual void Visit{model.Name}({TypeNames.Runtime}.MediaEvent<global::{spec.Namespace}.{model.DataTypeName}> mediaEvent) => VisitOther(mediaEvent);");
            writer.Line();
        }

        writer.Block($$"""
            /// <summary>Handles an event of a type the spec does not define; by default passes it to <see cref="VisitOther"/>.</summary>
            /// <param name="mediaEvent">The event.</param>
            public virtual void VisitUnknown({{TypeNames.Runtime}}.MediaEvent mediaEvent) => VisitOther(mediaEvent);

            /// <summary>Handles every event whose method is not overridden. Does nothing unless overridden.</summary>
            /// <param name="mediaEvent">The event.</param>
            protected virtual void VisitOther({{TypeNames.Runtime}}.MediaEvent mediaEvent)
            {
            }
            """);
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }

    public static string EmitDispatcher(SpecModel spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        string visitor = $"global::{spec.Namespace}.{spec.Names.Visitor}";
        string runtime = TypeNames.Runtime;
        writer.Block($$"""
            /// <summary>
            /// Reads deliveries (either envelope, a batch or a single event) with <see cref="{{spec.Names.Catalog}}.Catalog"/>
            /// and routes each event to its method of an <see cref="{{spec.Names.Visitor}}"/>. An event that cannot be read
            /// fails alone: the result lists it, and the others are still dispatched.
            /// </summary>
            {{GeneratedCode.Attribute}}
            {{spec.Accessibility}} static partial class {{spec.Names.Dispatcher}}
            {
                // A reader holds only its catalogue and options: one with the defaults serves every call that passes none.
                private static readonly {{runtime}}.MediaEventReader s_defaultReader = CreateReader();

                /// <summary>Creates a reader for the spec's event types.</summary>
                /// <param name="options">Limits and failure handling; the defaults when null.</param>
                public static {{runtime}}.MediaEventReader CreateReader({{runtime}}.MediaEventReaderOptions? options = null) =>
                    new {{runtime}}.MediaEventReader(global::{{spec.Namespace}}.{{spec.Names.Catalog}}.Catalog, options);

                /// <summary>
                /// Reads a delivery of UTF-8 JSON and dispatches each event as soon as it is read, in order, keeping none:
                /// memory stays flat however large the batch. When the input stops being JSON part-way, the events before
                /// that point have been dispatched when the exception is thrown; read into a batch first
                /// (<see cref="CreateReader"/>, then <c>Dispatch(batch, visitor)</c>) where that matters.
                /// </summary>
                /// <param name="utf8Json">A JSON array of events or one event object.</param>
                /// <param name="visitor">Receives the events.</param>
                /// <param name="options">Limits and failure handling; the defaults when null.</param>
                /// <returns>How many events the delivery held, and why those that failed could not be read.</returns>
                /// <exception cref="{{runtime}}.MediaEventFormatException">The input is not a JSON array or object of events.</exception>
                /// <exception cref="{{runtime}}.MediaEventBatchException">Some events failed and <see cref="{{runtime}}.MediaEventReaderOptions.FailureMode"/> is Throw (after the others were dispatched).</exception>
                public static {{runtime}}.MediaEventDispatchResult Dispatch(global::System.ReadOnlyMemory<byte> utf8Json, {{visitor}} visitor, {{runtime}}.MediaEventReaderOptions? options = null)
                {
                    global::System.ArgumentNullException.ThrowIfNull(visitor);
                    return ReaderFor(options).Dispatch(utf8Json, visitor, static (mediaEvent, visitor) => Dispatch(mediaEvent, visitor));
                }

                /// <summary>Reads a delivery of JSON text and dispatches each event as soon as it is read, in order.</summary>
                /// <param name="json">A JSON array of events or one event object.</param>
                /// <param name="visitor">Receives the events.</param>
                /// <param name="options">Limits and failure handling; the defaults when null.</param>
                /// <returns>How many events the delivery held, and why those that failed could not be read.</returns>
                /// <exception cref="{{runtime}}.MediaEventFormatException">The input is not a JSON array or object of events.</exception>
                /// <exception cref="{{runtime}}.MediaEventBatchException">Some events failed and <see cref="{{runtime}}.MediaEventReaderOptions.FailureMode"/> is Throw (after the others were dispatched).</exception>
                public static {{runtime}}.MediaEventDispatchResult Dispatch(string json, {{visitor}} visitor, {{runtime}}.MediaEventReaderOptions? options = null)
                {
                    global::System.ArgumentNullException.ThrowIfNull(json);
                    return Dispatch(global::System.Text.Encoding.UTF8.GetBytes(json), visitor, options);
                }

                /// <summary>Reads a delivery from a stream and dispatches each event as soon as it is read, in order.</summary>
                /// <param name="utf8Json">A stream of a JSON array of events or one event object.</param>
                /// <param name="visitor">Receives the events.</param>
                /// <param name="options">Limits and failure handling; the defaults when null.</param>
                /// <param name="cancellationToken">Cancels reading the stream.</param>
                /// <returns>How many events the delivery held, and why those that failed could not be read.</returns>
                /// <exception cref="{{runtime}}.MediaEventFormatException">The input is too large or not a JSON array or object of events.</exception>
                /// <exception cref="{{runtime}}.MediaEventBatchException">Some events failed and <see cref="{{runtime}}.MediaEventReaderOptions.FailureMode"/> is Throw (after the others were dispatched).</exception>
                public static global::System.Threading.Tasks.ValueTask<{{runtime}}.MediaEventDispatchResult> DispatchAsync(global::System.IO.Stream utf8Json, {{visitor}} visitor, {{runtime}}.MediaEventReaderOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
                {
                    global::System.ArgumentNullException.ThrowIfNull(visitor);
                    return ReaderFor(options).DispatchAsync(utf8Json, visitor, static (mediaEvent, visitor) => Dispatch(mediaEvent, visitor), cancellationToken);
                }

                /// <summary>Dispatches every event of a batch that was read, in order.</summary>
                /// <param name="batch">The batch.</param>
                /// <param name="visitor">Receives the events.</param>
                /// <param name="options">Failure handling; the defaults when null.</param>
                /// <returns>The same batch.</returns>
                /// <exception cref="{{runtime}}.MediaEventBatchException">Some events failed and <see cref="{{runtime}}.MediaEventReaderOptions.FailureMode"/> is Throw (after the others were dispatched).</exception>
                public static {{runtime}}.MediaEventBatch Dispatch({{runtime}}.MediaEventBatch batch, {{visitor}} visitor, {{runtime}}.MediaEventReaderOptions? options = null)
                {
                    global::System.ArgumentNullException.ThrowIfNull(batch);
                    global::System.ArgumentNullException.ThrowIfNull(visitor);
                    foreach ({{runtime}}.MediaEventReadResult result in batch)
                    {
                        if (result.Event is { } mediaEvent)
                        {
                            Dispatch(mediaEvent, visitor);
                        }
                    }

                    if ((options ?? {{runtime}}.MediaEventReaderOptions.Default).FailureMode == {{runtime}}.MediaEventFailureMode.Throw)
                    {
                        batch.ThrowIfFailed();
                    }

                    return batch;
                }

                /// <summary>Routes one event to its method; a type this catalogue does not know goes to <c>VisitUnknown</c>.</summary>
                /// <param name="mediaEvent">The event.</param>
                /// <param name="visitor">Receives it.</param>
                public static void Dispatch({{runtime}}.MediaEvent mediaEvent, {{visitor}} visitor)
                {
                    global::System.ArgumentNullException.ThrowIfNull(mediaEvent);
                    global::System.ArgumentNullException.ThrowIfNull(visitor);
            """);
        writer.Indent().Indent();
        if (spec.Events.Count > 0)
        {
            writer.Line($"if (mediaEvent.KnownType is {{ }} type && global::System.Object.ReferenceEquals(type.Catalog, global::{spec.Namespace}.{spec.Names.Catalog}.Catalog))");
            writer.Open();
            writer.Line("switch (type.Ordinal)");
            writer.Open();
            foreach (EventModel model in spec.Events)
            {
                writer.Line($"case EventOrdinal.{OrdinalName(model)}:");
                writer.Line($"    visitor.Visit{model.Name}(({runtime}.MediaEvent<global::{spec.Namespace}.{model.DataTypeName}>)mediaEvent);");
                writer.Line("    return;");
            }

            writer.Close();
            writer.Close();
            writer.Line();
        }

        writer.Line("visitor.VisitUnknown(mediaEvent);");
        writer.Close();
        writer.Line();
        writer.Line($"private static {runtime}.MediaEventReader ReaderFor({runtime}.MediaEventReaderOptions? options) =>");
        writer.Line("    options is null ? s_defaultReader : CreateReader(options);");
        if (spec.Events.Count > 0)
        {
            writer.Line();
            writer.Line($"// Each event type's position in {spec.Names.Catalog}.Catalog.");
            writer.Line("private static class EventOrdinal");
            writer.Open();
            for (int i = 0; i < spec.Events.Count; i++)
            {
                writer.Line($"public const int {OrdinalName(spec.Events[i])} = {CSharpNames.Number(i)};");
            }

            writer.Close();
        }

        writer.Close();
        return GeneratedCode.EndFile(writer);
    }

    // A constant may not be named like the class that holds it.
    internal static string OrdinalName(EventModel model) => model.Name == "EventOrdinal" ? "EventOrdinalEvent" : model.Name;
}
