using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd;

/// <summary>
/// Creates what turns the kernel's messages into published events (parse, reassemble, normalise, publish).
/// The plugin registers <see cref="Processing.AuditEventPumpFactory"/>; register another in DI to replace it. If the handler is
/// <see cref="IDisposable"/>, it is disposed after receiving stopped, which is when it should flush what it holds.
/// </summary>
public interface IAuditMessageHandlerFactory
{
    IAuditMessageHandler Create(AuditMessageHandlerContext context);
}
