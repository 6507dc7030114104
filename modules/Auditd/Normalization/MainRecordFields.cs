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

    public void Add(FieldKey key, string value)
    {
        if (key.Role == FieldRole.Result)
        {
            if (!_result)
            {
                _result = true;
                result.Result = value;
            }
        }
        else if (key.Role == FieldRole.Session)
        {
            if (!_session)
            {
                _session = true;
                result.Session = value;
            }
        }
        else if ((key.Traits & FieldTraits.UserOrGroupId) != 0)
        {
            result.UserIds.TryAdd(key, value);
        }
        else if ((key.Traits & FieldTraits.SubjectContextPart) != 0)
        {
            result.UserSelinux.TryAdd(FieldNames.After(key, 5), value);
        }
        else
        {
            result.Data.TryAdd(key, value);
        }
    }
}
