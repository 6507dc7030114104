namespace Shipper.Modules.Auditd.Reassembly;

/// <summary>Receives each event the reassembler completes, on the thread that completed it.</summary>
public interface IAssembledEventSink
{
    /// <summary>
    /// Takes ownership of <paramref name="assembled"/>: the sink must <see cref="AssembledEvent.Dispose"/> it when
    /// done (possibly on another thread), which returns its buffers to the pool.
    /// </summary>
    void OnEvent(AssembledEvent assembled);
}
