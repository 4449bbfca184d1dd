using JasperFx.Events;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// The W3C trace context of the request that recorded an event, kept in the event's headers: the relay publishes
/// the event's finance messages seconds or hours later, in another task, and continues that trace with them.
/// </summary>
public static class EventTraces
{
    public const string Header = "traceparent";

    public static string? Of(IEvent e) =>
        e.Headers is { } headers && headers.TryGetValue(Header, out var value) ? value?.ToString() : null;
}
