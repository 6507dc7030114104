using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;
using Shipper.Modules.Auditd.Parsing;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// Rebuilds a program's arguments from its EXECVE records: <c>argc</c>, then <c>a0</c>, <c>a1</c> … each quoted
/// or hex-encoded, long lists continued in further records, and long arguments split into <c>aN_len=</c> plus
/// <c>aN[0]=</c>, <c>aN[1]=</c> … pieces that are joined again. Arguments are kept as bytes until complete, so a
/// UTF-8 character cut between two pieces comes out whole.
/// </summary>
internal sealed class ExecveArguments
{
    private readonly Dictionary<int, List<byte>> _arguments = [];
    private readonly Stack<List<byte>> _spare = new();
    private int _highest = -1;

    /// <summary>The <c>argc</c> of the first record that had one; -1 when none.</summary>
    public int Argc { get; private set; } = -1;

    /// <summary>True when any record was malformed.</summary>
    public bool Malformed { get; private set; }

    /// <summary>True when no EXECVE record was added since the last <see cref="Reset"/>.</summary>
    public bool IsEmpty { get; private set; } = true;

    /// <summary>Forgets the last event's records, keeping the buffers for the next.</summary>
    public void Reset()
    {
        foreach (var bytes in _arguments.Values)
        {
            bytes.Clear();
            _spare.Push(bytes);
        }

        _arguments.Clear();
        _highest = -1;
        Argc = -1;
        Malformed = false;
        IsEmpty = true;
    }

    public void Add(ReadOnlySpan<byte> body)
    {
        IsEmpty = false;
        var reader = new AuditFieldReader(body);
        while (reader.Read())
        {
            var key = reader.Key;
            if (key.SequenceEqual("argc"u8))
            {
                if (Argc < 0 && Utf8Parser.TryParse(reader.Value, out int argc, out var used) && used == reader.Value.Length)
                {
                    Argc = argc;
                }

                continue;
            }

            if (key.Length < 2 || key[0] != (byte)'a' || !Utf8Parser.TryParse(key[1..], out int index, out var digits) || index < 0)
            {
                continue;
            }

            var suffix = key[(1 + digits)..];
            if (suffix.IsEmpty || (suffix[0] == (byte)'[' && suffix[^1] == (byte)']'))
            {
                Append(index, reader.Value, reader.Kind);
            }
        }

        Malformed |= reader.Malformed;
    }

    /// <summary>
    /// The arguments in order into <paramref name="args"/> (emptied first), <c>argc</c> of them when it is known
    /// (missing ones are empty and reported).
    /// </summary>
    public void Build(List<string> args, List<string> warnings)
    {
        args.Clear();
        var count = Argc >= 0 ? Argc : _highest + 1;
        for (var i = 0; i < count; i++)
        {
            if (_arguments.TryGetValue(i, out var bytes))
            {
                args.Add(Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(bytes)));
            }
            else
            {
                warnings.Add($"EXECVE argument a{i} is missing (argc={count})");
                args.Add(string.Empty);
            }
        }

        if (Malformed)
        {
            warnings.Add("an EXECVE record was malformed");
        }
    }

    private void Append(int index, ReadOnlySpan<byte> value, AuditValueKind kind)
    {
        if (!_arguments.TryGetValue(index, out var bytes))
        {
            bytes = _spare.TryPop(out var spare) ? spare : [];
            _arguments[index] = bytes;
            _highest = Math.Max(_highest, index);
        }

        if (kind == AuditValueKind.Bare && HexText.IsEncoded(value))
        {
            var start = bytes.Count;
            CollectionsMarshal.SetCount(bytes, start + (value.Length / 2));
            HexText.TryDecode(value, CollectionsMarshal.AsSpan(bytes)[start..]);
        }
        else if (!(kind == AuditValueKind.Bare && value.SequenceEqual("(null)"u8)))
        {
            bytes.AddRange(value);
        }
    }
}
