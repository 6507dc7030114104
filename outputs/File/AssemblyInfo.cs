using System.Runtime.Versioning;

// Shipper runs on Linux only; file modes and fsync semantics here are POSIX ones.
[assembly: SupportedOSPlatform("linux")]
