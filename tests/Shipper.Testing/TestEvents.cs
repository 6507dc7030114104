using Shipper.Events;
using Shipper.Hosting;

namespace Shipper.Testing;

/// <summary>Small events and agent values for pipeline tests.</summary>
public static class TestEvents
{
    public static AgentInfo Agent { get; } = new(
        "test-shipper", "shipper", "0.1.0", Guid.Parse("11111111-2222-3333-4444-555555555555"), Guid.Parse("66666666-7777-8888-9999-000000000000"), "test-host");

    public static Event Numbered(int sequence) =>
        new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new FieldMap().Add("seq", sequence));

    public static int SequenceOf(Event @event) => (int)@event.Fields["seq"]!;
}
