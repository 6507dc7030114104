using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// The main record's fields, each put where it belongs as it is read: <c>result</c> and <c>ses</c> to the event's
/// result and session, keys ending in uid/gid to the user ids, <c>subj_*</c> to the subject's SELinux context, the
/// rest to data. The first value of a key wins.
/// </summary>
internal struct MainRecordFields(CoalescedEvent result) : IRecordFields
{
    private bool _result;
    private bool _session;

    public void Add(string key, string value)
    {
        if (key == "result")
        {
            if (!_result)
            {
                _result = true;
                result.Result = value;
            }
        }
        else if (key == "ses")
        {
            if (!_session)
            {
                _session = true;
                result.Session = value;
            }
        }
        else if (key.EndsWith("uid", StringComparison.Ordinal) || key.EndsWith("gid", StringComparison.Ordinal))
        {
            result.UserIds.TryAdd(key, value);
        }
        else if (key.StartsWith("subj_", StringComparison.Ordinal))
        {
            result.UserSelinux.TryAdd(FieldNames.After(key, 5), value);
        }
        else
        {
            result.Data.TryAdd(key, value);
        }
    }
}
