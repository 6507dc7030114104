using System.Runtime.Versioning;

// The file output is Linux-only (POSIX modes, fsync); so are its tests.
[assembly: SupportedOSPlatform("linux")]
