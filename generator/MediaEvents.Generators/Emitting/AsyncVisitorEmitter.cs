using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>
/// Emits the asynchronous twin of the visitor: the exhaustive interface (one method per event type, each returning
/// a <c>ValueTask</c> and taking a <c>CancellationToken</c>), its non-exhaustive base class, and the dispatcher's
/// asynchronous half, a part of the same partial class that <see cref="VisitorEmitter"/> emits (it shares that
/// part's reader and event ordinals).
/// </summary>
internal static class AsyncVisitorEmitter
{
    private const string Runtime = TypeNames.Runtime;
    private const string Token = TypeNames.CancellationToken;

    /// <summary>The hint-name stem of the dispatcher's asynchronous half.</summary>
    public static string DispatcherPartName(SpecModel spec) => spec.Names.Dispatcher + ".Async";

    public static string EmitInterface(SpecModel spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        writer.Block($$"""
            /// <summary>
            /// Handles every event type of the spec asynchronously, one method each, plus events of types the spec does
            /// not define. Exhaustive by design, like <see cref="{{spec.Names.Visitor}}"/>: when the spec gains an event
            /// type, this interface gains a method, and every implementation fails to compile until it handles it. For a
            /// few events only, derive from <see cref="{{spec.Names.NonExhaustiveAsyncVisitor}}"/> instead.
            /// </summary>
            /// <remarks>
            /// <see cref="{{spec.Names.Dispatcher}}"/>'s <c>DispatchAsync</c> awaits each method before it reads the next
            /// event: one event at a time, in delivery order. An exception from a method ends the dispatch and comes out
            /// of <c>DispatchAsync</c> unchanged; the events after it are not handled.
            /// </remarks>
            {{GeneratedCode.Attribute}}
            {{spec.Accessibility}} partial interface {{spec.Names.AsyncVisitor}}
            """);
        writer.Open();
        foreach (EventModel model in spec.Events)
        {
            writer.Line($"/// <summary>Handles a <c>{model.EventType}</c> event.</summary>");
            writer.Line($"/// <param name=\"mediaEvent\">The event: its envelope, and its data in <c>Data</c>.</param>");
            writer.Line($"/// <param name=\"cancellationToken\">The token given to <c>DispatchAsync</c>.</param>");
            writer.Line($"{TypeNames.ValueTask} Visit{model.Name}Async({EventOf(spec, model)} mediaEvent, {Token} cancellationToken);");
            writer.Line();
        }

        writer.Block($$"""
            /// <summary>Handles an event of a type the spec does not define; its data is in <c>RawData</c>, as it arrived.</summary>
            /// <param name="mediaEvent">The event.</param>
            /// <param name="cancellationToken">The token given to <c>DispatchAsync</c>.</param>
            {{TypeNames.ValueTask}} VisitUnknownAsync({{Runtime}}.MediaEvent mediaEvent, {{Token}} cancellationToken);
            """);
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }

    public static string EmitBaseClass(SpecModel spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        writer.Block($$"""
            /// <summary>
            /// An asynchronous visitor for consumers who want a few events only: override the methods you need; every
            /// other event, unknown ones included, goes to <see cref="VisitOtherAsync"/>, which does nothing unless
            /// overridden. Not exhaustive: a new event type in the spec is not a compile error here. Implement
            /// <see cref="{{spec.Names.AsyncVisitor}}"/> directly to be told.
            /// </summary>
            {{GeneratedCode.Attribute}}
            {{spec.Accessibility}} abstract partial class {{spec.Names.NonExhaustiveAsyncVisitor}} : global::{{spec.Namespace}}.{{spec.Names.AsyncVisitor}}
            """);
        writer.Open();
        foreach (EventModel model in spec.Events)
        {
            writer.Line($"/// <summary>Handles a <c>{model.EventType}</c> event; by default passes it to <see cref=\"VisitOtherAsync\"/>.</summary>");
            writer.Line($"/// <param name=\"mediaEvent\">The event.</param>");
            writer.Line($"/// <param name=\"cancellationToken\">The token given to <c>DispatchAsync</c>.</param>");
            writer.Line($"public virtual {TypeNames.ValueTask} Visit{model.Name}Async({EventOf(spec, model)} mediaEvent, {Token} cancellationToken) => VisitOtherAsync(mediaEvent, cancellationToken);");
            writer.Line();
        }

        writer.Block($$"""
            /// <summary>Handles an event of a type the spec does not define; by default passes it to <see cref="VisitOtherAsync"/>.</summary>
            /// <param name="mediaEvent">The event.</param>
            /// <param name="cancellationToken">The token given to <c>DispatchAsync</c>.</param>
            public virtual {{TypeNames.ValueTask}} VisitUnknownAsync({{Runtime}}.MediaEvent mediaEvent, {{Token}} cancellationToken) => VisitOtherAsync(mediaEvent, cancellationToken);

            /// <summary>Handles every event whose method is not overridden. Does nothing unless overridden.</summary>
            /// <param name="mediaEvent">The event.</param>
            /// <param name="cancellationToken">The token given to <c>DispatchAsync</c>.</param>
            protected virtual {{TypeNames.ValueTask}} VisitOtherAsync({{Runtime}}.MediaEvent mediaEvent, {{Token}} cancellationToken) => default;
            """);
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }

    public static string EmitDispatcher(SpecModel spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SpecPath);
        string visitor = $"global::{spec.Namespace}.{spec.Names.AsyncVisitor}";
        string result = $"{TypeNames.ValueTask}<{Runtime}.MediaEventDispatchResult>";
        string options = $"{Runtime}.MediaEventReaderOptions? options = null, {Token} cancellationToken = default";
        writer.Block($$"""
            // The asynchronous half of the dispatcher: the same reading, each event's method awaited before the next is read.
            {{spec.Accessibility}} static partial class {{spec.Names.Dispatcher}}
            {
                // One delegate for every delivery: the visitor travels as the dispatch's state, so nothing is captured.
                private static readonly global::System.Func<{{Runtime}}.MediaEvent, {{visitor}}, {{Token}}, {{TypeNames.ValueTask}}> s_dispatchAsync =
                    static (mediaEvent, visitor, cancellationToken) => DispatchAsync(mediaEvent, visitor, cancellationToken);

                /// <summary>
                /// Reads a delivery of UTF-8 JSON and awaits each event's method of an <see cref="{{spec.Names.AsyncVisitor}}"/>
                /// in turn, in delivery order, keeping no event. An event that cannot be read fails alone: the result lists it.
                /// A method's exception ends the dispatch and comes out of this call unchanged: the events before it have been
                /// handled, those after it are not read. When the input stops being JSON part-way, the events before that point
                /// have been handled when the exception is thrown; read into a batch first where that matters.
                /// </summary>
                /// <param name="utf8Json">A JSON array of events or one event object.</param>
                /// <param name="visitor">Receives the events.</param>
                /// <param name="options">Limits and failure handling; the defaults when null.</param>
                /// <param name="cancellationToken">Passed to each method; once it is cancelled, no further method is called.</param>
                /// <returns>How many events the delivery held, and why those that failed could not be read.</returns>
                /// <exception cref="{{Runtime}}.MediaEventFormatException">The input is not a JSON array or object of events.</exception>
                /// <exception cref="{{Runtime}}.MediaEventBatchException">Some events failed and <see cref="{{Runtime}}.MediaEventReaderOptions.FailureMode"/> is Throw (after the others were handled).</exception>
                /// <exception cref="global::System.OperationCanceledException">The token was cancelled before the last event was handled.</exception>
                public static {{result}} DispatchAsync(global::System.ReadOnlyMemory<byte> utf8Json, {{visitor}} visitor, {{options}})
                {
                    global::System.ArgumentNullException.ThrowIfNull(visitor);
                    return ReaderFor(options).DispatchAsync(utf8Json, visitor, s_dispatchAsync, cancellationToken);
                }

                /// <summary>Reads a delivery of JSON text and awaits each event's method in turn, as the UTF-8 overload does.</summary>
                /// <param name="json">A JSON array of events or one event object.</param>
                /// <param name="visitor">Receives the events.</param>
                /// <param name="options">Limits and failure handling; the defaults when null.</param>
                /// <param name="cancellationToken">Passed to each method; once it is cancelled, no further method is called.</param>
                /// <returns>How many events the delivery held, and why those that failed could not be read.</returns>
                /// <exception cref="{{Runtime}}.MediaEventFormatException">The input is not a JSON array or object of events.</exception>
                /// <exception cref="{{Runtime}}.MediaEventBatchException">Some events failed and <see cref="{{Runtime}}.MediaEventReaderOptions.FailureMode"/> is Throw (after the others were handled).</exception>
                /// <exception cref="global::System.OperationCanceledException">The token was cancelled before the last event was handled.</exception>
                public static {{result}} DispatchAsync(string json, {{visitor}} visitor, {{options}})
                {
                    global::System.ArgumentNullException.ThrowIfNull(json);
                    return DispatchAsync(global::System.Text.Encoding.UTF8.GetBytes(json), visitor, options, cancellationToken);
                }

                /// <summary>Reads a delivery from a stream and awaits each event's method in turn, as the UTF-8 overload does.</summary>
                /// <param name="utf8Json">A stream of a JSON array of events or one event object.</param>
                /// <param name="visitor">Receives the events.</param>
                /// <param name="options">Limits (the stream's size among them) and failure handling; the defaults when null.</param>
                /// <param name="cancellationToken">Cancels reading the stream; passed to each method; once it is cancelled, no further method is called.</param>
                /// <returns>How many events the delivery held, and why those that failed could not be read.</returns>
                /// <exception cref="{{Runtime}}.MediaEventFormatException">The input is too large or not a JSON array or object of events.</exception>
                /// <exception cref="{{Runtime}}.MediaEventBatchException">Some events failed and <see cref="{{Runtime}}.MediaEventReaderOptions.FailureMode"/> is Throw (after the others were handled).</exception>
                /// <exception cref="global::System.OperationCanceledException">The token was cancelled before the last event was handled.</exception>
                public static {{result}} DispatchAsync(global::System.IO.Stream utf8Json, {{visitor}} visitor, {{options}})
                {
                    global::System.ArgumentNullException.ThrowIfNull(utf8Json);
                    global::System.ArgumentNullException.ThrowIfNull(visitor);
                    return ReaderFor(options).DispatchAsync(utf8Json, visitor, s_dispatchAsync, cancellationToken);
                }

                /// <summary>Awaits the method of each event of a batch that was read, in order.</summary>
                /// <param name="batch">The batch.</param>
                /// <param name="visitor">Receives the events.</param>
                /// <param name="options">Failure handling; the defaults when null.</param>
                /// <param name="cancellationToken">Passed to each method; once it is cancelled, no further method is called.</param>
                /// <returns>The same batch.</returns>
                /// <exception cref="{{Runtime}}.MediaEventBatchException">Some events failed and <see cref="{{Runtime}}.MediaEventReaderOptions.FailureMode"/> is Throw (after the others were handled).</exception>
                /// <exception cref="global::System.OperationCanceledException">The token was cancelled before the last event was handled.</exception>
                public static {{TypeNames.ValueTask}}<{{Runtime}}.MediaEventBatch> DispatchAsync({{Runtime}}.MediaEventBatch batch, {{visitor}} visitor, {{options}})
                {
                    global::System.ArgumentNullException.ThrowIfNull(batch);
                    global::System.ArgumentNullException.ThrowIfNull(visitor);
                    return ReaderFor(options).DispatchAsync(batch, visitor, s_dispatchAsync, cancellationToken);
                }

                /// <summary>Routes one event to its method and returns what the method returns; a type this catalogue does not know goes to <c>VisitUnknownAsync</c>.</summary>
                /// <param name="mediaEvent">The event.</param>
                /// <param name="visitor">Receives it.</param>
                /// <param name="cancellationToken">Passed to the method.</param>
                public static {{TypeNames.ValueTask}} DispatchAsync({{Runtime}}.MediaEvent mediaEvent, {{visitor}} visitor, {{Token}} cancellationToken = default)
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
                writer.Line($"case EventOrdinal.{VisitorEmitter.OrdinalName(model)}:");
                writer.Line($"    return visitor.Visit{model.Name}Async(({EventOf(spec, model)})mediaEvent, cancellationToken);");
            }

            writer.Close();
            writer.Close();
            writer.Line();
        }

        writer.Line("return visitor.VisitUnknownAsync(mediaEvent, cancellationToken);");
        writer.Close();
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }

    private static string EventOf(SpecModel spec, EventModel model) => $"{Runtime}.MediaEvent<global::{spec.Namespace}.{model.DataTypeName}>";
}
