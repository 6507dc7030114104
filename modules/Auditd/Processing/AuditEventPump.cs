using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Shipper.Modules.Auditd.Netlink;
using Shipper.Modules.Auditd.Normalization;
using Shipper.Modules.Auditd.Parsing;
using Shipper.Modules.Auditd.Reassembly;

namespace Shipper.Modules.Auditd.Processing;

/// <summary>
/// The live event stream: on the receive thread each kernel message's header is read in place and the record is
/// copied into its event (pooled buffers, nothing else allocated per record); complete events go through a bounded
/// queue to one worker thread that normalises and publishes them, so the receive loop returns at once.
/// With the userspace backpressure strategy an event completed while the pipeline pushes back (or while the queue
/// is full) is dropped whole and counted in <c>auditd.userspace_lost</c>; records are never dropped one by one.
/// Otherwise a full queue makes the receive thread wait, which is the kernel's backlog doing its job.
/// The queue is large on purpose: the kernel waits only a tenth of a second for room in a full daemon socket before
/// it gives up on a record (kauditd's send timeout, HZ/10), so a receive thread that waits on a worker held up by
/// the output (a file sync, a slow batch) loses events even under <c>backpressure_strategy: none</c>. 32,768 events
/// (about 40 MiB of pooled record buffers when full) absorb such stalls. In the <c>auditd-storm</c> harness
/// (docs/benchmarks.md) 4,096 lost 8–12 % of a 100,000-event storm and the larger queue 0–15 % (3 % typical): other
/// pauses of the receive thread (GC suspensions on a loaded machine) still lose events there.
/// <c>auditd.event_queue_peak</c> reports the deepest the queue has been.
/// Disposing flushes what is being assembled and waits for the worker to publish it.
/// </summary>
public sealed class AuditEventPump : IAuditMessageHandler, IAssembledEventSink, IDisposable
{
    /// <summary>Events waiting for the worker.</summary>
    public const int QueueCapacity = 32768;

    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

    private readonly AuditMessageHandlerContext _context;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Reassembler _reassembler;
    private readonly ReassemblerCounters _reassemblerCounters;
    private readonly HandlerCounters _counters;
    private readonly BlockingCollection<AssembledEvent> _queue = new(new ConcurrentQueue<AssembledEvent>(), QueueCapacity);
    private readonly List<AssembledEvent> _completed = [];
    private readonly AuditEventNormalizer _normalizer;
    private readonly Thread _worker;
    private readonly ITimer _ticker;
    private long _lastMalformedWarning = long.MinValue;
    private int _queuePeak;
    private bool _disposed;

    public AuditEventPump(AuditMessageHandlerContext context)
        : this(context, TimeProvider.System, null)
    {
    }

    internal AuditEventPump(AuditMessageHandlerContext context, TimeProvider time, NormalizerOptions? normalizerOptions)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _time = time;
        _reassemblerCounters = new ReassemblerCounters(context.Metrics);
        _counters = new HandlerCounters(context.Metrics);
        _reassembler = new Reassembler(ReassemblerOptions.From(context.Options.Reassembler), ReassemblerMode.Live, this, _reassemblerCounters);
        _normalizer = new AuditEventNormalizer(normalizerOptions ?? NormalizerOptions.From(context.Options));
        context.Metrics?.Gauge("auditd.reassembler_in_flight", () => _reassembler.InFlight);
        context.Metrics?.Gauge("auditd.event_queue", () => _queue.Count);
        context.Metrics?.Gauge("auditd.event_queue_peak", () => Volatile.Read(ref _queuePeak));
        _worker = new Thread(Work) { IsBackground = true, Name = "auditd-events" };
        _worker.Start();
        _ticker = time.CreateTimer(_ => Tick(), null, TickInterval, TickInterval);
    }

    /// <summary>Events being assembled.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _reassembler.InFlight;
            }
        }
    }

    /// <inheritdoc />
    public void OnMessage(ushort type, ReadOnlySpan<byte> payload)
    {
        if (!RecordTypes.IsAuditRecord(type))
        {
            return;
        }

        if (AuditRecordParser.ParseNetlink(type, payload, out var record) != RecordParseStatus.Ok)
        {
            _reassemblerCounters.Malformed.Increment();
            WarnMalformed(type);
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _reassembler.Add(record, payload, Now());
            if (_completed.Count == 0)
            {
                return;
            }
        }

        Dispatch();
    }

    /// <inheritdoc />
    public void OnLoss(long count) => _counters.ReceiveLosses.Add(count);

    /// <summary>Called by the reassembler under the lock: the event is handed on once the lock is released.</summary>
    void IAssembledEventSink.OnEvent(AssembledEvent assembled) => _completed.Add(assembled);

    /// <summary>Flushes the events being assembled and waits (up to 10 s) until the worker has published them.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _ticker.Dispose();
            _reassembler.Flush();
            _disposed = true;
        }

        Dispatch();
        _queue.CompleteAdding();

        if (_worker.Join(DrainTimeout))
        {
            _queue.Dispose();
        }
        else
        {
            _context.Logger.LogWarning("The auditd event worker did not finish publishing within {Timeout}", DrainTimeout);
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _reassembler.Tick(Now());
        }

        Dispatch();
    }

    /// <summary>
    /// Hands completed events to the worker, outside the lock. With the userspace strategy an event completed while
    /// the pipeline pushes back, or finding the queue full, is dropped whole; otherwise a full queue makes the caller
    /// wait, so the kernel's backlog holds the records instead of this process.
    /// </summary>
    private void Dispatch()
    {
        AssembledEvent[] completed;
        lock (_gate)
        {
            if (_completed.Count == 0)
            {
                return;
            }

            completed = [.. _completed];
            _completed.Clear();
        }

        foreach (var assembled in completed)
        {
            if (_context.Backpressure.Userspace)
            {
                if (_context.Client.Backpressure.Current.UnderPressure || !TryAddOrDrop(assembled, TimeSpan.Zero))
                {
                    _counters.UserspaceLost.Increment();
                }

                continue;
            }

            try
            {
                _queue.Add(assembled, _context.Stopping);
            }
            catch (OperationCanceledException)
            {
                // Stopping while the worker is behind: give it a moment, then the event is lost with the socket's.
                TryAddOrDrop(assembled, TimeSpan.FromSeconds(1));
            }
            catch (InvalidOperationException)
            {
                // A timer tick that raced with Dispose after the worker's queue was closed.
                assembled.Dispose();
            }
        }
    }

    /// <summary>Queues the event, or disposes it when the queue stays full (or is closed) for <paramref name="wait"/>.</summary>
    private bool TryAddOrDrop(AssembledEvent assembled, TimeSpan wait)
    {
        try
        {
            if (_queue.TryAdd(assembled, wait))
            {
                return true;
            }
        }
        catch (InvalidOperationException)
        {
            // The queue was closed by Dispose.
        }

        assembled.Dispose();
        return false;
    }

    private long Now() => (long)_time.GetElapsedTime(0).TotalMilliseconds;

    private void Work()
    {
        foreach (var assembled in _queue.GetConsumingEnumerable())
        {
            var depth = _queue.Count + 1;
            if (depth > _queuePeak)
            {
                Volatile.Write(ref _queuePeak, depth);
            }

            using (assembled)
            {
                Publish(assembled);
            }
        }
    }

    private void Publish(AssembledEvent assembled)
    {
        Shipper.Events.Event document;
        try
        {
            document = _normalizer.Normalize(assembled);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _context.Logger.LogError(e, "Could not build a document from audit event {Serial}; dropped", assembled.Serial);
            return;
        }

        _counters.Events.Increment();
        if (_context.Backpressure.Userspace)
        {
            if (!_context.Client.TryPublish(document))
            {
                _counters.UserspaceLost.Increment();
            }

            return;
        }

        try
        {
            _context.Client.Publish(document, _context.Stopping);
        }
        catch (OperationCanceledException) when (_context.Stopping.IsCancellationRequested)
        {
            // Stopping while the pipeline is full: this event is lost with the ones still in the socket.
        }
    }

    private void WarnMalformed(ushort type)
    {
        var now = _time.GetTimestamp();
        if (now - Interlocked.Read(ref _lastMalformedWarning) < WarningInterval.TotalSeconds * _time.TimestampFrequency)
        {
            return;
        }

        Interlocked.Exchange(ref _lastMalformedWarning, now);
        _context.Logger.LogWarning("Dropped an audit record of type {Type} whose audit(…) header could not be read (auditd.malformed_records counts them)", type);
    }
}
