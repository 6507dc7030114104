using System.Collections.Concurrent;
using System.Text;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Tests.Netlink;

/// <summary>Keeps every message and loss report it is handed.</summary>
internal sealed class CollectingHandler : IAuditMessageHandler
{
    public ConcurrentQueue<(ushort Type, string Text)> Messages { get; } = new();

    public long Losses => Interlocked.Read(ref _losses);

    public Action<ushort, string>? OnEach { get; set; }

    private long _losses;

    public void OnMessage(ushort type, ReadOnlySpan<byte> payload)
    {
        var text = Encoding.UTF8.GetString(payload);
        Messages.Enqueue((type, text));
        OnEach?.Invoke(type, text);
    }

    public void OnLoss(long count) => Interlocked.Add(ref _losses, count);

    public void WaitFor(Func<IReadOnlyCollection<(ushort Type, string Text)>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Messages))
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out; received: " + string.Join(" | ", Messages.Select(m => $"{m.Type} {m.Text}")));
            Thread.Sleep(10);
        }
    }
}
