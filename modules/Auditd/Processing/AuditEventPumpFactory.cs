using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Processing;

/// <summary>Creates the <see cref="AuditEventPump"/> (parse, reassemble, normalise, publish) for the module.</summary>
public sealed class AuditEventPumpFactory : IAuditMessageHandlerFactory
{
    /// <inheritdoc />
    public IAuditMessageHandler Create(AuditMessageHandlerContext context) => new AuditEventPump(context);
}
