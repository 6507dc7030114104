using System.Runtime.InteropServices;

namespace Shipper.Modules.Auditd.Netlink;

/// <summary>Owns the socket's file descriptor so that closing it cannot race a call in progress on another thread.</summary>
internal sealed class NetlinkSocketHandle : SafeHandle
{
    public NetlinkSocketHandle()
        : base(new IntPtr(-1), ownsHandle: true)
    {
    }

    public NetlinkSocketHandle(int fd)
        : base(new IntPtr(-1), ownsHandle: true) => SetHandle(new IntPtr(fd));

    public override bool IsInvalid => handle.ToInt64() < 0;

    protected override bool ReleaseHandle() => NativeMethods.Close(handle.ToInt32()) == 0;
}
