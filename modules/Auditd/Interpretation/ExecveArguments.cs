using System.Buffers.Text;
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
    private readonly SortedDictionary<int, List<byte>> _arguments = [];

    /// <summary>The <c>argc</c> of the first record that had one; -1 when none.</summary>
    public int Argc { get; private set; } = -1;

    /// <summary>True when any record was malformed.</summary>
    public bool Malformed { get; private set; }

    public void Add(ReadOnlySpan<byte> body)
    {
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

    /// <summary>The arguments in order, <c>argc</c> of them when it is known (missing ones are empty and reported).</summary>
    public List<string> Build(List<string> warnings)
    {
        var count = Argc >= 0 ? Argc : (_arguments.Count == 0 ? 0 : _arguments.Keys.Max() + 1);
        var args = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (_arguments.TryGetValue(i, out var bytes))
            {
                args.Add(Encoding.UTF8.GetString([.. bytes]));
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

        return args;
    }

    private void Append(int index, ReadOnlySpan<byte> value, AuditValueKind kind)
    {
        if (!_arguments.TryGetValue(index, out var bytes))
        {
            bytes = [];
            _arguments[index] = bytes;
        }

        if (kind == AuditValueKind.Bare && HexText.IsEncoded(value))
        {
            var decoded = new byte[value.Length / 2];
            HexText.TryDecode(value, decoded);
            bytes.AddRange(decoded);
        }
        else if (!(kind == AuditValueKind.Bare && value.SequenceEqual("(null)"u8)))
        {
            bytes.AddRange(value);
        }
    }
}
