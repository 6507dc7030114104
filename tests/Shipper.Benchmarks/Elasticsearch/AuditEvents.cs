using Shipper.Events;

namespace Shipper.Benchmarks.Elasticsearch;

/// <summary>Events shaped like the auditd module's (an EXECVE syscall event, about 1 KB of JSON).</summary>
internal static class AuditEvents
{
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static Event Make(int n)
    {
        var e = new Event(Start.AddMilliseconds(n));
        var f = e.Fields;
        f.Put("auditd.message_type", "syscall");
        f.Put("auditd.sequence", 190_000 + n);
        f.Put("auditd.result", "success");
        f.Put("auditd.session", "3");
        f.Put("auditd.data.syscall", "execve");
        f.Put("auditd.data.arch", "x86_64");
        f.Put("auditd.data.a0", "55d4a9a8e0f0");
        f.Put("auditd.data.a1", "55d4a9a8e1a0");
        f.Put("auditd.data.exit", "0");
        f.Put("auditd.data.tty", "pts0");
        f.Put("auditd.summary.actor.primary", "alice");
        f.Put("auditd.summary.actor.secondary", "root");
        f.Put("auditd.summary.how", "/usr/bin/sudo");
        f.Put("auditd.summary.object.type", "file");
        f.Put("auditd.summary.object.primary", "/usr/bin/id");
        f.Put("auditd.paths", new List<object?> { new FieldMap().Add("name", "/usr/bin/id").Add("inode", "1311").Add("mode", "0100755").Add("nametype", "NORMAL") });
        f.Put("event.category", new List<object?> { "process" });
        f.Put("event.type", new List<object?> { "start" });
        f.Put("event.action", "executed");
        f.Put("event.outcome", "success");
        f.Put("event.module", "auditd");
        f.Put("process.pid", 4000 + (n % 1000));
        f.Put("process.parent.pid", 3999);
        f.Put("process.name", "id");
        f.Put("process.executable", "/usr/bin/id");
        f.Put("process.working_directory", "/home/alice");
        f.Put("process.args", new List<object?> { "id", "-u", n.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        f.Put("process.title", "id -u");
        f.Put("user.id", "0");
        f.Put("user.name", "root");
        f.Put("user.audit.id", "1000");
        f.Put("user.audit.name", "alice");
        f.Put("user.group.id", "0");
        f.Put("user.group.name", "root");
        f.Put("related.user", new List<object?> { "alice", "root" });
        f.Put("tags", new List<object?> { "exec" });
        f.Put("agent.version", "0.1.0");
        f.Put("agent.type", "shipper");
        f.Put("agent.name", "bench-host");
        f.Put("host.name", "bench-host");
        f.Put("ecs.version", "8.0.0");
        return e;
    }
}
