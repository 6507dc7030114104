using System.Text;
using Shipper.Modules.Auditd.Parsing;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Tests.Reassembly;

/// <summary>Feeds records into a reassembler as the kernel (numeric type + payload) or as audit.log lines.</summary>
internal sealed class ReassemblerHarness
{
    public ReassemblerHarness(ReassemblerMode mode, ReassemblerOptions? options = null)
    {
        Reassembler = new Reassembler(options ?? new ReassemblerOptions(), mode, Sink, Counters);
    }

    public CollectingSink Sink { get; } = new();

    public ReassemblerCounters Counters { get; } = new();

    public Reassembler Reassembler { get; }

    public long Now { get; set; }

    public void Kernel(ushort type, uint serial, string body = "x=1")
    {
        var payload = Encoding.UTF8.GetBytes($"audit(1700000000.000:{serial}): {body}");
        Assert.Equal(RecordParseStatus.Ok, AuditRecordParser.ParseNetlink(type, payload, out var record));
        Reassembler.Add(record, payload, Now);
    }

    /// <summary>A syscall event's records in kernel order: SYSCALL, CWD, PATH, PROCTITLE, EOE.</summary>
    public void KernelEvent(uint serial)
    {
        Kernel(RecordTypes.Syscall, serial);
        Kernel(RecordTypes.Cwd, serial);
        Kernel(RecordTypes.Path, serial);
        Kernel(RecordTypes.Proctitle, serial);
        Kernel(RecordTypes.Eoe, serial);
    }

    public void Log(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        Assert.Equal(RecordParseStatus.Ok, AuditRecordParser.ParseLogLine(bytes, out var record));
        Reassembler.Add(record, bytes, 0);
    }
}
