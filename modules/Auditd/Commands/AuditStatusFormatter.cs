using System.Globalization;
using Shipper.Modules.Auditd.Netlink;

namespace Shipper.Modules.Auditd.Commands;

/// <summary>
/// Prints an <see cref="AuditStatus"/> as <c>auditctl -s</c> does (same names, same order), plus the feature bitmap
/// in hex as Auditbeat's <c>show auditd-status</c> does. Fields the kernel did not send are left out.
/// </summary>
public static class AuditStatusFormatter
{
    /// <summary>The status as (name, value) pairs in print order.</summary>
    public static IReadOnlyList<(string Name, string Value)> Fields(AuditStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var fields = new List<(string, string)>
        {
            ("enabled", Number(status.Enabled)),
            ("failure", Number(status.Failure)),
            ("pid", Number(status.Pid)),
            ("rate_limit", Number(status.RateLimit)),
            ("backlog_limit", Number(status.BacklogLimit)),
            ("lost", Number(status.Lost)),
            ("backlog", Number(status.Backlog)),
        };
        if (status.HasBacklogWaitTime)
        {
            fields.Add(("backlog_wait_time", Number(status.BacklogWaitTime)));
        }

        if (status.HasBacklogWaitTimeActual)
        {
            fields.Add(("backlog_wait_time_actual", Number(status.BacklogWaitTimeActual)));
        }

        fields.Add(("features", "0x" + status.FeatureBitmap.ToString("x", CultureInfo.InvariantCulture)));
        return fields;
    }

    /// <summary>One <c>name value</c> line per field, or all on one line as <c>name=value</c> pairs.</summary>
    public static string Format(AuditStatus status, bool singleLine = false) =>
        singleLine
            ? string.Join(' ', Fields(status).Select(f => $"{f.Name}={f.Value}")) + "\n"
            : string.Concat(Fields(status).Select(f => $"{f.Name} {f.Value}\n"));

    private static string Number(uint value) => value.ToString(CultureInfo.InvariantCulture);
}
