using System.Text;

namespace Shipper.Modules.Auditd.Tables;

/// <summary>
/// One generated number↔name table. Number→name returns the same cached string every time (an array index for
/// small dense ranges); name→number is case-insensitive, as in libaudit, and accepts spans without allocating.
/// The first name listed for a number is its canonical name; later ones are aliases accepted on input.
/// </summary>
internal sealed class NameTable
{
    private const int MaxDenseNumber = 16 * 1024;
    private const int MaxStackName = 128;

    private readonly string?[]? _dense;
    private readonly Dictionary<long, string> _sparse;
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _byNameSpan;

    public NameTable(IEnumerable<(long Number, string Name)> canonical, IEnumerable<(long Number, string Name)>? aliases = null)
    {
        var names = new Dictionary<long, string>();
        var numbers = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var (number, name) in canonical)
        {
            names.TryAdd(number, name);
            numbers.TryAdd(name, number);
        }

        foreach (var (number, name) in aliases ?? [])
        {
            numbers.TryAdd(name, number);
        }

        // Plain dictionaries: frozen ones look up a little faster but cost far more to build, and every table is
        // built on first use (start-up, `shipper test config`).
        _sparse = names;
        if (names.Count > 0 && names.Keys.Min() >= 0 && names.Keys.Max() < MaxDenseNumber)
        {
            _dense = new string?[names.Keys.Max() + 1];
            foreach (var (number, name) in names)
            {
                _dense[number] = name;
            }
        }

        _byNameSpan = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Canonical names in number order.</summary>
    public IEnumerable<(long Number, string Name)> Entries => _sparse.OrderBy(p => p.Key).Select(p => (p.Key, p.Value));

    public bool TryGetName(long number, out string name)
    {
        if (_dense is not null)
        {
            if ((ulong)number < (ulong)_dense.Length && _dense[number] is { } found)
            {
                name = found;
                return true;
            }

            name = string.Empty;
            return false;
        }

        if (_sparse.TryGetValue(number, out var value))
        {
            name = value;
            return true;
        }

        name = string.Empty;
        return false;
    }

    public bool TryGetNumber(ReadOnlySpan<char> name, out long number) => _byNameSpan.TryGetValue(name, out number);

    public bool TryGetNumber(ReadOnlySpan<byte> utf8Name, out long number)
    {
        if (utf8Name.Length > MaxStackName)
        {
            number = 0;
            return false;
        }

        Span<char> chars = stackalloc char[MaxStackName];
        if (!Encoding.UTF8.TryGetChars(utf8Name, chars, out var written))
        {
            number = 0;
            return false;
        }

        return _byNameSpan.TryGetValue(chars[..written], out number);
    }
}
