using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Control;

/// <summary>Turns <c>socket_type</c> into the socket to open, as Auditbeat decides it.</summary>
public static class SocketModeChooser
{
    /// <summary>The first kernel with the audit multicast group.</summary>
    public static readonly Version MulticastKernel = new(3, 16);

    /// <summary>
    /// Chooses the socket mode. <paramref name="enabled"/> is the kernel's current <c>enabled</c> (2 = locked).
    /// <paramref name="reason"/> says why, for the log.
    /// </summary>
    /// <exception cref="InvalidOperationException">The configuration is locked and the kernel has no multicast.</exception>
    public static AuditSocketMode Choose(AuditdOptions options, Version kernel, uint enabled, out string reason)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasMulticast = kernel >= MulticastKernel;
        var locked = enabled == 2;
        switch (options.SocketType)
        {
            case SocketType.Unicast:
                reason = "socket_type: unicast";
                return AuditSocketMode.Unicast;
            case SocketType.Multicast when hasMulticast:
                reason = "socket_type: multicast";
                return AuditSocketMode.Multicast;
            case SocketType.Multicast:
                reason = $"socket_type: multicast needs kernel {MulticastKernel} or newer, this is {kernel}; using unicast";
                return AuditSocketMode.Unicast;
        }

        if (!hasMulticast)
        {
            if (locked)
            {
                throw new InvalidOperationException($"the audit configuration is locked (enabled 2) and kernel {kernel} has no multicast (needs {MulticastKernel}); nothing can receive events");
            }

            reason = $"kernel {kernel} has no multicast";
            return AuditSocketMode.Unicast;
        }

        if (!options.HasRules)
        {
            reason = "no audit rules configured";
            return AuditSocketMode.Multicast;
        }

        if (locked && !options.Immutable)
        {
            reason = "the audit configuration is locked (enabled 2), so the configured rules cannot be installed; listening with multicast";
            return AuditSocketMode.Multicast;
        }

        reason = "audit rules are configured";
        return AuditSocketMode.Unicast;
    }
}
