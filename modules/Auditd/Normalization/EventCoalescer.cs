using Shipper.Modules.Auditd.Interpretation;
using Shipper.Modules.Auditd.Parsing;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>
/// Combines an event's records: the main record (SYSCALL when there is one, otherwise the first) gives the result,
/// session, actor, ids and data; a record before SYSCALL (LOGIN, CONFIG_CHANGE, AVC …) gives the event its type;
/// PATH records become paths, SOCKADDR the socket and network direction, EXECVE the arguments, CAPSET/BPRM_FCAPS
/// the capability names, and every other record adds its fields to data. Events without a SYSCALL record
/// (user-space messages, lone kernel records) are whole documents too. Not thread-safe.
/// </summary>
internal sealed class EventCoalescer
{
    private static readonly FieldKey ArgcKey = FieldKey.Of("argc");

    private readonly RecordInterpreter _interpreter = new();
    private readonly FieldList _scratch = new(64);
    private readonly CoalescedEvent _result = new();
    private readonly ExecveArguments _execve = new();
    private readonly List<string> _args = [];

    /// <summary>Combines the records. The result is reused: it is valid until the next call.</summary>
    public CoalescedEvent Coalesce(AssembledEvent assembled)
    {
        var result = _result;
        result.Reset(assembled.Serial, assembled.Timestamp);
        var main = MainRecord(assembled);
        result.Type = assembled.Count > 1 && assembled.TypeAt(0) != RecordTypes.Syscall ? assembled.TypeAt(0) : assembled.TypeAt(main);
        ReadMain(assembled, main, result);
        var execve = _execve;
        execve.Reset();
        for (var i = 0; i < assembled.Count; i++)
        {
            if (i == main)
            {
                continue;
            }

            var type = assembled.TypeAt(i);
            switch (type)
            {
                case RecordTypes.Eoe:
                    break;
                case RecordTypes.Path:
                    Read(assembled, i, result.AddPath(), result);
                    break;
                case RecordTypes.Sockaddr:
                    AddSockaddr(assembled, i, result);
                    break;
                case RecordTypes.Execve:
                    execve.Add(assembled.BodyAt(i));
                    break;
                default:
                    AddOther(assembled, i, result);
                    break;
            }
        }

        if (!execve.IsEmpty)
        {
            execve.Build(_args, result.Warnings);
            result.Args = _args;
            if (execve.Argc >= 0)
            {
                result.Data.TryAdd(ArgcKey, execve.Argc.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return result;
    }

    private static int MainRecord(AssembledEvent assembled)
    {
        for (var i = 0; i < assembled.Count; i++)
        {
            if (assembled.TypeAt(i) == RecordTypes.Syscall)
            {
                return i;
            }
        }

        return 0;
    }

    private void ReadMain(AssembledEvent assembled, int index, CoalescedEvent result)
    {
        var fields = new MainRecordFields(result);
        if (!_interpreter.Read(assembled.TypeAt(index), assembled.BodyAt(index), ref fields, result.Tags))
        {
            AddMalformed(assembled, index, result);
        }

        result.ActorPrimary = result.UserIds.Get(WellKnownKeys.Auid);
        result.ActorSecondary = result.UserIds.Get(WellKnownKeys.Uid);
        if (assembled.TypeAt(index) == RecordTypes.Syscall)
        {
            result.Data.Remove(WellKnownKeys.Items, out _);
        }
    }

    private void AddOther(AssembledEvent assembled, int index, CoalescedEvent result)
    {
        _scratch.Clear();
        Read(assembled, index, _scratch, result);
        var type = assembled.TypeAt(index);
        if (type is RecordTypes.Capset or RecordTypes.BprmFcaps)
        {
            AddCapabilities(type, result);
        }

        foreach (var (key, value) in _scratch)
        {
            if (!result.Data.TryAdd(key, value) && result.Data.Get(key) != value)
            {
                result.Warnings.Add($"duplicate key ({key}) from {RecordTypeNames.NameOf(type)} record");
            }
        }
    }

    private void AddCapabilities(ushort type, CoalescedEvent result)
    {
        var (effective, permitted) = type == RecordTypes.Capset ? (WellKnownKeys.CapPe, WellKnownKeys.CapPp) : (WellKnownKeys.NewPe, WellKnownKeys.NewPp);
        if (_scratch.TryGetValue(effective, out var pe))
        {
            result.CapabilitiesEffective = Capabilities.Names(pe);
        }

        if (_scratch.TryGetValue(permitted, out var pp))
        {
            result.CapabilitiesPermitted = Capabilities.Names(pp);
        }
    }

    private void AddSockaddr(AssembledEvent assembled, int index, CoalescedEvent result)
    {
        _scratch.Clear();
        Read(assembled, index, _scratch, result);
        foreach (var (key, value) in _scratch)
        {
            result.Socket.Set(key, value);
        }

        var address = new CoalescedEvent.AddressFields
        {
            Ip = _scratch.Get(WellKnownKeys.Addr),
            Port = _scratch.Get(WellKnownKeys.Port),
            Path = _scratch.Get(WellKnownKeys.Path),
        };
        var hasAddress = address.Ip is not null || address.Port is not null || address.Path is not null;
        switch (result.Data.Get(WellKnownKeys.Syscall))
        {
            case "recvfrom" or "recvmsg" or "recvmmsg" or "accept" or "accept4":
                result.Source = hasAddress ? address : result.Source;
                result.Direction = "ingress";
                break;
            case "connect" or "sendto" or "sendmsg" or "sendmmsg":
                result.Destination = hasAddress ? address : result.Destination;
                result.Direction = "egress";
                break;
            case null:
                result.Warnings.Add("SOCKADDR record without a syscall: no direction");
                break;
        }
    }

    private void Read(AssembledEvent assembled, int index, FieldList into, CoalescedEvent result)
    {
        if (!_interpreter.Read(assembled.TypeAt(index), assembled.BodyAt(index), into, result.Tags))
        {
            AddMalformed(assembled, index, result);
        }
    }

    private static void AddMalformed(AssembledEvent assembled, int index, CoalescedEvent result) =>
        result.Warnings.Add($"malformed {RecordTypeNames.NameOf(assembled.TypeAt(index))} record: a quoted value has no closing quote");

    /// <summary>Moves pid, ppid, proctitle, comm, exe and cwd out of data into the process fields (after summarising, which reads them).</summary>
    public static void TakeProcess(CoalescedEvent result)
    {
        var data = result.Data;
        result.ProcessPid = Take(data, WellKnownKeys.Pid);
        result.ProcessPpid = Take(data, WellKnownKeys.Ppid);
        result.ProcessTitle = Take(data, WellKnownKeys.Proctitle);
        result.ProcessName = Take(data, WellKnownKeys.Comm);
        result.ProcessExecutable = Take(data, WellKnownKeys.Exe);
        result.ProcessCwd = Take(data, WellKnownKeys.Cwd);
    }

    private static string? Take(FieldList data, FieldKey key) => data.Remove(key, out var value) ? value : null;
}
