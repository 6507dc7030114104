namespace Shipper.Modules.Auditd.Reassembly;

/// <summary>Where records come from, which decides how an event is known to be complete.</summary>
public enum ReassemblerMode
{
    /// <summary>From the kernel: syscall events end with EOE; time is the caller's clock.</summary>
    Live,

    /// <summary>
    /// From audit.log files, which have no EOE: a syscall event ends with its PROCTITLE record (the kernel writes it
    /// last), others when a later serial was seen and the quiet time passed; time is the records' own time.
    /// </summary>
    Log,
}
