using System.Runtime.InteropServices;

namespace Shipper.Cli;

/// <summary>
/// A shell without job control starts background commands (<c>shipper … &amp;</c>, or under <c>timeout -s INT</c>)
/// with SIGINT ignored, and .NET keeps an inherited "ignore" for SIGINT and SIGQUIT, so Ctrl-C or <c>kill -INT</c>
/// would do nothing and the kernel's audit settings would never be put back. Like Go programs that ask for SIGINT
/// (Beats among them), the shipper takes SIGINT back before it registers its own handler.
/// </summary>
internal static partial class InheritedSignals
{
    private const int SigInt = 2;
    private static readonly IntPtr DefaultAction = IntPtr.Zero;

    public static void RestoreInterrupt() => _ = Signal(SigInt, DefaultAction);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial IntPtr Signal(int signal, IntPtr handler);
}
