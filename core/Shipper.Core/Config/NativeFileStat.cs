using System.Runtime.InteropServices;

namespace Shipper.Core.Config;

/// <summary>
/// Owner and mode of a file through Linux <c>statx(2)</c>, whose structure layout is the same on every
/// architecture (unlike <c>struct stat</c>), and the effective user id through <c>geteuid(2)</c>.
/// </summary>
internal static class NativeFileStat
{
    private const int AtFdCwd = -100;
    private const uint StatxMode = 0x2;
    private const uint StatxUid = 0x8;

    /// <summary>Reads the owner and mode bits (including the file type) of <paramref name="path"/>, following symlinks.</summary>
    public static bool TryGet(string path, out uint owner, out uint mode)
    {
        var result = statx(AtFdCwd, path, 0, StatxMode | StatxUid, out var buffer);
        owner = buffer.Uid;
        mode = buffer.Mode;
        return result == 0;
    }

    public static uint EffectiveUserId() => geteuid();

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer buffer);

    [DllImport("libc")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint geteuid();

    /// <summary>The start of <c>struct statx</c>; the kernel fills 256 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct StatxBuffer
    {
        public uint Mask;
        public uint BlockSize;
        public ulong Attributes;
        public uint Links;
        public uint Uid;
        public uint Gid;
        public ushort Mode;
    }
}
