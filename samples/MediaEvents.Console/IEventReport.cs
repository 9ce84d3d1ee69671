namespace MediaEvents.ConsoleSample;

/// <summary>An output format of the tool: a visitor of every event type, plus what the visitor cannot see.</summary>
public interface IEventReport : IMediaEventVisitor
{
    /// <summary>Events that could not be read, or whose data could not be written, so far.</summary>
    int Failures { get; }

    /// <summary>Reports an event of <paramref name="input"/> that could not be read.</summary>
    /// <param name="failure">Why, and where.</param>
    /// <param name="input">The input's name as the user gave it (<c>&lt;stdin&gt;</c> for <c>-</c>).</param>
    void ReportFailure(MediaEventReadFailure failure, string input);

    /// <summary>Called once, after the last input.</summary>
    /// <param name="unreadInputs">The inputs that could not be opened or were not JSON events.</param>
    void Complete(int unreadInputs);
}
