namespace Shipper.Modules.Auditd.Replay;

/// <summary>Receives one line (without its newline); the span is valid only during the call.</summary>
public delegate void LineHandler(ReadOnlySpan<byte> line);
