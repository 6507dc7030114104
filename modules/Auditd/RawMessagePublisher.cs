using System.Buffers.Text;
using System.Text;
using Shipper.Events;
using Shipper.Modules.Auditd.Netlink;
using Shipper.Monitoring;

namespace Shipper.Modules.Auditd;

/// <summary>
/// The default handler until the parsing and reassembly chain replaces it: one event per kernel message, with
/// <c>event.module</c>, <c>auditd.message_type</c> and the record text as <c>message</c>, timestamped from the
/// record's <c>audit(SECONDS.MILLIS:SERIAL)</c> header. With the userspace backpressure strategy a message is
/// dropped (and counted in <c>auditd.userspace_lost</c>) when the pipeline is full; otherwise publishing waits.
/// </summary>
public sealed class RawMessagePublisher : IAuditMessageHandler
{
    private const ushort AuditLogin = 1006;
    private const ushort AuditReplace = 1329;

    private readonly AuditMessageHandlerContext _context;
    private readonly MetricCounter _userspaceLost;
    private readonly MetricCounter _kernelLossReports;

    public RawMessagePublisher(AuditMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _userspaceLost = context.Metrics?.Counter("auditd.userspace_lost") ?? new MetricCounter("auditd.userspace_lost");
        _kernelLossReports = context.Metrics?.Counter("auditd.receive_losses") ?? new MetricCounter("auditd.receive_losses");
    }

    public void OnMessage(ushort type, ReadOnlySpan<byte> payload)
    {
        if (!IsAuditRecord(type))
        {
            return;
        }

        var @event = new Event(TimestampOf(payload) ?? DateTimeOffset.UtcNow);
        @event.Fields.Put("event.module", "auditd");
        @event.Fields.Put("auditd.message_type", (int)type);
        @event.Fields.Put("message", Encoding.UTF8.GetString(payload));
        Publish(@event);
    }

    public void OnLoss(long count) => _kernelLossReports.Add(count);

    /// <summary>
    /// AUDIT_REPLACE is the kernel probing whether the daemon is alive, and types outside 1100–2999 (except LOGIN)
    /// are control replies, not records; Auditbeat skips them too.
    /// </summary>
    internal static bool IsAuditRecord(ushort type) => type == AuditLogin || (type is >= 1100 and <= 2999 && type != AuditReplace);

    /// <summary>The time in a record's <c>audit(1700000000.123:42):</c> header; null when there is none.</summary>
    internal static DateTimeOffset? TimestampOf(ReadOnlySpan<byte> payload)
    {
        if (!payload.StartsWith("audit("u8))
        {
            return null;
        }

        var rest = payload[6..];
        if (!Utf8Parser.TryParse(rest, out long seconds, out var used) || used >= rest.Length || rest[used] != (byte)'.')
        {
            return null;
        }

        rest = rest[(used + 1)..];
        if (!Utf8Parser.TryParse(rest, out int millis, out used) || used != 3)
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds).AddMilliseconds(millis);
    }

    private void Publish(Event @event)
    {
        if (_context.Backpressure.Userspace)
        {
            if (!_context.Client.TryPublish(@event))
            {
                _userspaceLost.Increment();
            }

            return;
        }

        try
        {
            _context.Client.Publish(@event, _context.Stopping);
        }
        catch (OperationCanceledException) when (_context.Stopping.IsCancellationRequested)
        {
            // Shutting down: the message is lost with the ones still in the socket.
        }
    }
}
