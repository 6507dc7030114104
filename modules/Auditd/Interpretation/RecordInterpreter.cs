using System.Buffers.Text;
using System.Text;
using Shipper.Modules.Auditd.Parsing;
using Shipper.Modules.Auditd.Tables;

namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>
/// Reads one record's body into name → text pairs and interprets the values: <c>arch</c> and <c>syscall</c> names
/// (per arch), errno names for negative <c>exit</c>, <c>unset</c> for the unset audit uid and session, hex-encoded
/// strings decoded, <c>proctitle</c> with NULs as spaces, <c>saddr</c> decoded, SELinux <c>subj</c>/<c>obj</c>
/// contexts split, <c>success</c>/<c>res</c> as <c>result</c> (success or fail), and rule keys (split on 0x01)
/// set apart as tags. Empty values, <c>?</c> and <c>(null)</c> are left out. Not thread-safe (keeps a key cache).
/// </summary>
internal sealed class RecordInterpreter
{
    private static readonly System.Buffers.SearchValues<byte> EnrichmentKeyBytes = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"u8);
    private const ushort SeccompType = 1326;

    private static readonly FieldKey[] SubjectSelinuxKeys = [FieldKey.Of("subj_user"), FieldKey.Of("subj_role"), FieldKey.Of("subj_domain"), FieldKey.Of("subj_level"), FieldKey.Of("subj_category")];
    private static readonly FieldKey[] ObjectSelinuxKeys = [FieldKey.Of("obj_user"), FieldKey.Of("obj_role"), FieldKey.Of("obj_domain"), FieldKey.Of("obj_level"), FieldKey.Of("obj_category")];
    private static readonly FieldKey ResultKey = FieldKey.Of("result");

    private readonly KeyInterner _keys = new();
    private readonly ValueInterner _values = new();
    private byte[] _decoded = new byte[1024];

    /// <summary>Reads <paramref name="body"/> of a record of <paramref name="type"/> into <paramref name="into"/>; rule keys go to <paramref name="tags"/>.</summary>
    /// <returns>False when the body was malformed (a value's closing quote was missing).</returns>
    public bool Read(ushort type, ReadOnlySpan<byte> body, FieldList into, List<string> tags)
    {
        var fields = new FieldListRecordFields(into);
        return Read(type, body, ref fields, tags);
    }

    /// <summary>Reads <paramref name="body"/> of a record of <paramref name="type"/> into <paramref name="into"/>, in record order; rule keys go to <paramref name="tags"/>.</summary>
    /// <returns>False when the body was malformed (a value's closing quote was missing).</returns>
    public bool Read<TFields>(ushort type, ReadOnlySpan<byte> body, ref TFields into, List<string> tags)
        where TFields : struct, IRecordFields
    {
        var reader = new AuditFieldReader(body);
        uint arch = 0;
        while (reader.Read())
        {
            var value = reader.Value;
            if (IsNoValue(value) || IsEnrichment(reader.Key))
            {
                continue;
            }

            var key = _keys.Get(reader.KeyPrefix, reader.Key);
            switch (key.Role)
            {
                case FieldRole.RuleKey:
                    AddTags(value, reader.Kind, tags);
                    continue;
                case FieldRole.Saddr when type == RecordTypes.Sockaddr:
                    if (SockaddrDecoder.TryDecode(value, ref into))
                    {
                        continue;
                    }

                    break;
                case FieldRole.Arch:
                    if (Utf8Parser.TryParse(value, out arch, out var hexDigits, 'x') && hexDigits == value.Length
                        && ArchTable.TryGetMachineName(arch, out var machine))
                    {
                        into.Add(key, machine);
                        continue;
                    }

                    break;
                case FieldRole.Syscall:
                    if (Utf8Parser.TryParse(value, out int number, out var used) && used == value.Length && SyscallTable.TryGetName(arch, number, out var syscall))
                    {
                        into.Add(key, syscall);
                        continue;
                    }

                    break;
                case FieldRole.Exit:
                    if (value.Length > 1 && value[0] == (byte)'-' && Utf8Parser.TryParse(value[1..], out int errno, out used) && used == value.Length - 1
                        && ErrnoTable.TryGetName(errno, out var errnoName))
                    {
                        into.Add(key, errnoName);
                        continue;
                    }

                    break;
                case FieldRole.AuditId or FieldRole.Session when value.SequenceEqual("4294967295"u8) || value.SequenceEqual("-1"u8):
                    into.Add(key, "unset");
                    continue;
                case FieldRole.Outcome:
                    into.Add(ResultKey, IsSuccess(value) ? "success" : "fail");
                    continue;
                case FieldRole.SubjectContext:
                    AddSelinux(SubjectSelinuxKeys, value, ref into);
                    continue;
                case FieldRole.ObjectContext when type == RecordTypes.Path:
                    AddSelinux(ObjectSelinuxKeys, value, ref into);
                    continue;
                case FieldRole.Proctitle:
                    if (reader.Kind == AuditValueKind.Bare && DecodeHex(value, nulSeparated: true) is { } title)
                    {
                        into.Add(key, title);
                        continue;
                    }

                    break;
                case FieldRole.Signal when type == SeccompType:
                    if (Utf8Parser.TryParse(value, out int signal, out used) && used == value.Length && signal is > 0 and < 32)
                    {
                        into.Add(key, SignalData.Names[signal]);
                        continue;
                    }

                    break;
                case FieldRole.SelinuxPermissions:
                    into.Add(key, Encoding.UTF8.GetString(value).Replace(' ', ','));
                    continue;
            }

            if (reader.Kind == AuditValueKind.Bare && ((key.Traits & FieldTraits.HexEncoded) != 0 || (type == RecordTypes.Execve && (key.Traits & FieldTraits.WholeArgument) != 0)) && HexText.IsEncoded(value) && DecodeHex(value, nulSeparated: false) is { } decoded)
            {
                into.Add(key, decoded);
                continue;
            }

            into.Add(key, _values.Get(value));
        }

        return !reader.Malformed;
    }

    /// <summary>
    /// Hex decoded to text (UTF-8, invalid bytes replaced) through the value table, so a value that repeats (an
    /// executable, a command line) is one string; null when not hex. NUL-separated (PROCTITLE's argv): trailing NULs
    /// go and the others become spaces.
    /// </summary>
    private string? DecodeHex(ReadOnlySpan<byte> hex, bool nulSeparated)
    {
        var length = hex.Length / 2;
        if (_decoded.Length < length)
        {
            _decoded = new byte[Math.Max(length, _decoded.Length * 2)];
        }

        var bytes = _decoded.AsSpan(0, length);
        if (!HexText.TryDecode(hex, bytes))
        {
            return null;
        }

        if (nulSeparated)
        {
            bytes = bytes.TrimEnd((byte)0);
            bytes.Replace((byte)0, (byte)' ');
        }

        return _values.Get(bytes);
    }

    private static bool IsNoValue(ReadOnlySpan<byte> value) =>
        value.IsEmpty || value.SequenceEqual("?"u8) || value.SequenceEqual("?,"u8) || value.SequenceEqual("(null)"u8);

    /// <summary>
    /// auditd's enriched fields (<c>AUID="alice"</c>) are upper case; they normally follow a 0x1D separator, which
    /// some copies of logs have lost. Record fields are lower case, so upper-case keys are never data.
    /// </summary>
    private static bool IsEnrichment(ReadOnlySpan<byte> key) =>
        key.Length > 1 && key[0] is >= (byte)'A' and <= (byte)'Z' && key.IndexOfAnyExcept(EnrichmentKeyBytes) < 0;

    private static bool IsSuccess(ReadOnlySpan<byte> value) =>
        value.SequenceEqual("yes"u8) || value.SequenceEqual("1"u8) || value.StartsWith("suc"u8) || value.StartsWith("SUC"u8);

    private void AddTags(ReadOnlySpan<byte> value, AuditValueKind kind, List<string> tags)
    {
        string text;
        value = value.TrimEnd((byte)'"');
        if (kind == AuditValueKind.Bare && HexText.IsEncoded(value) && DecodeHex(value, nulSeparated: false) is { } decoded)
        {
            text = decoded;
        }
        else if (value.StartsWith("(null)"u8))
        {
            return;
        }
        else
        {
            var equals = value.IndexOf((byte)'=');
            text = _values.Get(equals >= 0 ? value[(equals + 1)..] : value);
        }

        if (!text.Contains('\u0001', StringComparison.Ordinal))
        {
            AddTag(text, tags);
            return;
        }

        foreach (var tag in text.Split('\u0001'))
        {
            AddTag(tag, tags);
        }
    }

    private static void AddTag(string tag, List<string> tags)
    {
        if (tag.Length > 0 && !tags.Contains(tag))
        {
            tags.Add(tag);
        }
    }

    /// <summary>A SELinux context <c>user:role:domain:level[:category…]</c>, split into its parts (the last keeps any further colons).</summary>
    private void AddSelinux<TFields>(FieldKey[] keys, ReadOnlySpan<byte> value, ref TFields into)
        where TFields : struct, IRecordFields
    {
        for (var i = 0; i < keys.Length; i++)
        {
            var colon = i == keys.Length - 1 ? -1 : value.IndexOf((byte)':');
            var part = colon < 0 ? value : value[..colon];
            into.Add(keys[i], _values.Get(part));
            if (colon < 0)
            {
                return;
            }

            value = value[(colon + 1)..];
        }
    }
}
