using System.Text;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Tests.Reassembly;

/// <summary>Keeps each completed event as (serial, reason, record types, raw texts) and releases its buffers.</summary>
internal sealed class CollectingSink : IAssembledEventSink
{
    public List<Completed> Events { get; } = [];

    public void OnEvent(AssembledEvent assembled)
    {
        var types = new List<ushort>();
        var raws = new List<string>();
        for (var i = 0; i < assembled.Count; i++)
        {
            types.Add(assembled.TypeAt(i));
            raws.Add(Encoding.UTF8.GetString(assembled.RawAt(i)));
        }

        Events.Add(new Completed(assembled.Serial, assembled.Node, assembled.Completion, assembled.Incomplete, types, raws));
        assembled.Dispose();
    }

    public sealed record Completed(uint Serial, string? Node, CompletionReason Reason, bool Incomplete, List<ushort> Types, List<string> Raws);
}
