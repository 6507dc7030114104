using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Modules.Auditd.Netlink;
using Shipper.Modules.Auditd.Tests.Kernel;
using Shipper.Testing;

namespace Shipper.Modules.Auditd.Tests.Netlink;

public partial class AuditReceiverKernelTests(KernelStateFixture kernel) : KernelTest(kernel)
{
    private const string Key = "shipper-receiver-test";

    [KernelTheory]
    [InlineData(AuditSocketMode.Unicast)]
    [InlineData(AuditSocketMode.Multicast)]
    public async Task A_watched_file_write_arrives_as_syscall_path_proctitle_and_eoe_records_with_the_key(AuditSocketMode mode)
    {
        using var temp = new TempDirectory();
        var file = temp.Write("watched", "before");
        Auditctl.Run("-w", file, "-p", "wa", "-k", Key);
        using var control = AuditNetlinkClient.Open(AuditSocketMode.Unicast);
        using var events = AuditNetlinkClient.Open(mode, 8 << 20);
        var self = (uint)Environment.ProcessId;
        control.SetStatus(new AuditStatusUpdate { Enabled = 1 });
        if (mode == AuditSocketMode.Unicast)
        {
            events.SetStatus(new AuditStatusUpdate { Pid = self });
        }

        var handler = new CollectingHandler();
        using var stop = new CancellationTokenSource();
        var run = new AuditReceiver(events, handler, NullLogger.Instance).RunAsync(stop.Token);

        // A child writes: the kernel never audits the registered audit daemon's own system calls.
        using (var writer = System.Diagnostics.Process.Start("/bin/sh", ["-c", $"echo after > '{file}'"]))
        {
            await writer.WaitForExitAsync();
        }

        string? serial = null;
        handler.WaitFor(m => (serial = SerialOfKeyedSyscall(m)) is not null && m.Any(r => r.Type == 1320 && SerialOf(r.Text) == serial), TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await run;
        if (mode == AuditSocketMode.Unicast)
        {
            events.SetStatus(new AuditStatusUpdate { Pid = 0 });
        }

        var records = handler.Messages.Where(r => SerialOf(r.Text) == serial).ToList();
        Assert.Contains(records, r => r.Type == 1302 && r.Text.Contains($"name=\"{file}\""));
        Assert.Contains(records, r => r.Type == 1327);
        Assert.Equal(1320, records[^1].Type);
        Assert.Equal($"audit({TimestampOf(records[0].Text)}:{serial}): ", records[^1].Text);
    }

    [KernelFact]
    public void The_receive_buffer_is_enlarged_past_the_system_limit_as_root()
    {
        using var socket = NetlinkSocket.Open(AuditSocketMode.Multicast, 8 << 20);

        Assert.True(socket.ReceiveBufferSize >= 8 << 20, $"SO_RCVBUF is {socket.ReceiveBufferSize}");
    }

    [KernelFact]
    public void A_unicast_socket_asks_the_kernel_not_to_mark_it_congested_on_overflow_and_a_multicast_one_keeps_enobufs()
    {
        // Without NETLINK_NO_ENOBUFS one overflow of the daemon's socket makes the kernel fail every send until the
        // socket is read empty, and kauditd drops what it cannot requeue (thousands of events in the storm harness).
        using var unicast = NetlinkSocket.Open(AuditSocketMode.Unicast, 1 << 20);
        using var multicast = NetlinkSocket.Open(AuditSocketMode.Multicast, 1 << 20);

        Assert.False(unicast.ReportsOverflows);
        Assert.True(multicast.ReportsOverflows);
    }

    private static string? SerialOfKeyedSyscall(IReadOnlyCollection<(ushort Type, string Text)> records) =>
        records.Where(r => r.Type == 1300 && r.Text.Contains($"key=\"{Key}\"")).Select(r => SerialOf(r.Text)).FirstOrDefault();

    private static string? SerialOf(string text) => Header().Match(text) is { Success: true } m ? m.Groups[2].Value : null;

    private static string? TimestampOf(string text) => Header().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^audit\((\d+\.\d+):(\d+)\)")]
    private static partial Regex Header();
}
