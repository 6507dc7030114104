namespace Shipper.Modules.Auditd.Reassembly;

/// <summary>A bounded memory of completed event keys (first in, first out), to recognise late records.</summary>
internal sealed class RecentSerials(int capacity)
{
    private readonly HashSet<long> _set = new(Math.Min(capacity, 4096));
    private readonly Queue<long> _order = new(Math.Min(capacity, 4096));

    public bool Contains(long key) => _set.Contains(key);

    public void Add(long key)
    {
        if (capacity == 0 || !_set.Add(key))
        {
            return;
        }

        _order.Enqueue(key);
        if (_order.Count > capacity)
        {
            _set.Remove(_order.Dequeue());
        }
    }
}
