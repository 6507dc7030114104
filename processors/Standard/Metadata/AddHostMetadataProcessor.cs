using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Metadata;

/// <summary>
/// Adds <c>host.*</c> (names, architecture, os, id, ip, mac). The data is read once when the processor is built and
/// again on the thread pool when it is older than <c>cache.ttl</c>; events always get the latest copy read, so the
/// publishing path never waits for the OS.
/// </summary>
internal sealed class AddHostMetadataProcessor : IProcessor
{
    private readonly Func<FieldMap> _read;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly bool _replace;
    private readonly ProcessorErrors _errors;
    private FieldMap _host;
    private long _readAt;
    private int _refreshing;

    public AddHostMetadataProcessor(AddHostMetadataOptions options, ProcessorSupport support, Func<FieldMap>? read = null)
    {
        Name = support.Name;
        _read = read ?? (() => HostInfoReader.Read(options.Netinfo.Enabled, options.Name));
        _time = support.Time;
        _ttl = options.Cache.Ttl;
        _replace = options.ReplaceFields;
        _errors = support.Errors;
        _host = _read();
        _readAt = _time.GetTimestamp();
    }

    public string Name { get; }

    /// <summary>Completes when a refresh started by <see cref="Process"/> has finished (for tests).</summary>
    internal Task Refreshed { get; private set; } = Task.CompletedTask;

    public Event? Process(Event @event)
    {
        if (_time.GetElapsedTime(Volatile.Read(ref _readAt)) >= _ttl && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            Refreshed = Task.Run(Refresh);
        }

        var host = Volatile.Read(ref _host);
        if (@event.Fields.TryGetLocal("host", out var existing) && existing is FieldMap current)
        {
            if (_replace || OnlyName(current))
            {
                // The pipeline's built-in host.name map is frozen and shared: merge into the event's own copy.
                FieldValues.DeepMerge(WritableMaps.Child(@event.Fields, "host", current), host);
            }
        }
        else
        {
            @event.Fields["host"] = FieldValues.DeepCopy(host);
        }

        return @event;
    }

    private static bool OnlyName(FieldMap host) => host.Count == 0 || (host.Count == 1 && host.TryGetLocal("name", out _));

    private void Refresh()
    {
        try
        {
            Volatile.Write(ref _host, _read());
        }
#pragma warning disable CA1031 // A failed refresh keeps the previous data; it is reported, never thrown on a pool thread.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _errors.Report($"reading host metadata failed, keeping the previous data: {e.Message}");
        }
        finally
        {
            Volatile.Write(ref _readAt, _time.GetTimestamp());
            Volatile.Write(ref _refreshing, 0);
        }
    }
}
