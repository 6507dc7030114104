using Shipper.Events;

namespace Shipper.Processors.Tests.Support;

/// <summary>Builds test events from dotted paths.</summary>
internal static class TestEvent
{
    public static readonly DateTimeOffset Time = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static Event With(params (string Path, object? Value)[] fields)
    {
        var @event = new Event(Time);
        foreach (var (path, value) in fields)
        {
            @event.Fields.Put(path, value);
        }

        return @event;
    }

    public static object? Get(this Event @event, string path) => @event.Fields.GetValueOrDefault(path);

    public static bool Has(this Event @event, string path) => @event.Fields.ContainsPath(path);
}
