using System.Globalization;
using Shipper.Events;
using Shipper.Monitoring;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Metadata;

/// <summary>
/// Adds what <c>/proc</c> knows about the process whose pid is in one of <c>match_pids</c>: <c>process.name</c>,
/// <c>executable</c>, <c>args</c>, <c>title</c>, <c>parent.pid</c>, <c>start_time</c>, <c>owner.id</c>/<c>name</c> and
/// <c>container.id</c> (from the cgroup path, when the process runs in a container). Results are cached per pid for
/// <c>cache.ttl</c>; only a cache miss reads <c>/proc</c> (a few small reads from the kernel's memory, no disk).
/// A pid whose process has exited counts in <c>processors.add_process_metadata.not_found</c>.
/// </summary>
internal sealed class AddProcessMetadataProcessor : IProcessor
{
    private readonly FieldPath[] _pids;
    private readonly (FieldPath Path, string Field)[] _outputs;
    private readonly bool _overwrite;
    private readonly bool _ignoreMissing;
    private readonly ProcessCache _cache;
    private readonly ProcessorErrors _errors;
    private readonly MetricCounter _notFound;

    public AddProcessMetadataProcessor(AddProcessMetadataOptions options, ProcessorSupport support, Func<int, ProcessInfo?>? read = null)
    {
        Name = support.Name;
        _pids = support.Paths("match_pids", options.MatchPids);
        var fields = options.IncludeFields.Count > 0 ? options.IncludeFields : [.. ProcessInfo.Fields];
        var prefix = options.Target.Length == 0 ? string.Empty : options.Target + ".";
        _outputs = [.. fields.Select(f => (support.Path("target", prefix + f), f))];
        _overwrite = options.OverwriteKeys;
        _ignoreMissing = options.IgnoreMissing;
        if (read is null)
        {
            var reader = new ProcReader(options.HostPath);
            read = reader.Read;
        }

        _cache = new ProcessCache(read, support.Time, options.Cache.Ttl);
        _errors = support.Errors;
        _notFound = support.Counter("processors.add_process_metadata.not_found");
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        foreach (var field in _pids)
        {
            if (!field.TryGet(@event, out var value) || value is null)
            {
                continue;
            }

            if (!TryPid(value, out var pid))
            {
                _errors.Report($"'{field}' holds {FieldValues.Describe(value)} '{FieldValues.ToText(value)}', not a pid");
                return @event;
            }

            if (_cache.Get(pid) is { } info)
            {
                Write(@event, info);
            }
            else
            {
                _notFound.Increment();
            }

            return @event;
        }

        if (!_ignoreMissing)
        {
            _errors.Report($"the event has none of the pid fields {string.Join(", ", _pids.Select(p => p.Text))}");
        }

        return @event;
    }

    private void Write(Event @event, ProcessInfo info)
    {
        foreach (var (path, field) in _outputs)
        {
            if (!_overwrite && path.Exists(@event))
            {
                continue;
            }

            if (info.Get(field) is { } value)
            {
                path.Put(@event, value);
            }
        }
    }

    private static bool TryPid(object value, out int pid)
    {
        if (FieldValues.TryGetInteger(value, out var whole) && whole is > 0 and <= int.MaxValue)
        {
            pid = (int)whole;
            return true;
        }

        return int.TryParse(value as string, NumberStyles.None, CultureInfo.InvariantCulture, out pid) && pid > 0;
    }
}
