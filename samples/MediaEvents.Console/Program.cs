using System;
using MediaEvents;

var batch = MediaEventDispatcher.Dispatch(System.IO.File.ReadAllText(args[0]), new Printer());
Console.WriteLine(batch.Count);

internal sealed class Printer : NonExhaustiveMediaEventVisitor
{
    protected override void VisitOther(MediaEvent mediaEvent) => Console.WriteLine(mediaEvent + " " + mediaEvent.TypedData);
}
