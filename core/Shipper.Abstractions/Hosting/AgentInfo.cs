namespace Shipper.Hosting;

/// <summary>Who is shipping: the values behind <c>agent.*</c> and <c>host.name</c>.</summary>
/// <param name="Name">The <c>name</c> setting, or the host name.</param>
/// <param name="Type">Always <c>shipper</c>.</param>
/// <param name="Version">The shipper's version.</param>
/// <param name="Id">A UUID kept in <c>path.data</c> across restarts.</param>
/// <param name="EphemeralId">A UUID new at every start.</param>
/// <param name="Hostname">The machine's host name.</param>
public sealed record AgentInfo(string Name, string Type, string Version, Guid Id, Guid EphemeralId, string Hostname);
