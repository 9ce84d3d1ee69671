namespace MediaEvents.Generators.Model;

/// <summary>One event type of the catalogue.</summary>
/// <param name="EventType">The event type name, e.g. <c>Microsoft.Media.JobStateChange</c>.</param>
/// <param name="Name">The short C# name used for the constant and the visitor method, e.g. <c>JobStateChange</c>.</param>
/// <param name="DataTypeName">The C# name of its data type.</param>
/// <param name="Description">The data type's description.</param>
internal sealed record EventModel(string EventType, string Name, string DataTypeName, string? Description);
