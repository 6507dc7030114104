using System.Runtime.Versioning;

// Shipper runs on Linux only.
[assembly: SupportedOSPlatform("linux")]
