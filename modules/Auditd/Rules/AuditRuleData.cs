using System.Buffers.Binary;
using static Shipper.Modules.Auditd.Rules.AuditRuleConstants;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// The kernel's <c>struct audit_rule_data</c>: what AUDIT_ADD_RULE and AUDIT_DEL_RULE carry and AUDIT_LIST_RULES
/// returns. Built by <see cref="RuleLineCompiler"/>, read back by <see cref="RuleFormatter"/>.
/// </summary>
public sealed class AuditRuleData
{
    private readonly List<byte> _buffer = [];

    /// <summary>The filter list in the low bits, plus AUDIT_FILTER_PREPEND (0x10) for <c>-A</c>.</summary>
    public uint Flags { get; set; }

    /// <summary>never (0), possible (1) or always (2).</summary>
    public uint Action { get; set; }

    /// <summary>The syscall bitmap: bit n of word n/32 is syscall n.</summary>
    public uint[] Mask { get; } = new uint[BitmaskSize];

    /// <summary>The fields in order: id, value (or string length) and operator.</summary>
    public List<RuleField> Fields { get; } = [];

    /// <summary>The filter list without the prepend flag.</summary>
    public uint List => Flags & FilterMask;

    /// <summary>The bytes of the string fields, concatenated in field order.</summary>
    public IReadOnlyList<byte> Buffer => _buffer;

    /// <summary>Adds a numeric field.</summary>
    public void AddField(int field, uint op, uint value) => Fields.Add(new RuleField(field, value, op, null));

    /// <summary>Adds a string field (path, key, exe, a security label).</summary>
    public void AddString(int field, uint op, byte[] value)
    {
        Fields.Add(new RuleField(field, (uint)value.Length, op, value));
        _buffer.AddRange(value);
    }

    /// <summary>True when any syscall bit is set.</summary>
    public bool HasSyscalls => Mask.Any(w => w != 0);

    /// <summary>Sets every syscall bit, as auditctl does for <c>-S all</c> and for rules without <c>-S</c>.</summary>
    public void SetAllSyscalls() => Array.Fill(Mask, uint.MaxValue);

    /// <summary>Sets syscall <paramref name="number"/>; false when it is beyond the bitmap.</summary>
    public bool SetSyscall(int number)
    {
        if (number < 0 || number / 32 >= BitmaskSize)
        {
            return false;
        }

        Mask[number / 32] |= 1u << (number % 32);
        return true;
    }

    /// <summary>The wire form: the 1040-byte header then the string buffer, as auditctl sends it.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderLength + _buffer.Count];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Action);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)Fields.Count);
        for (var i = 0; i < BitmaskSize; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(12 + (i * 4))..], Mask[i]);
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(FieldsOffset + (i * 4))..], (uint)Fields[i].Field);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(ValuesOffset + (i * 4))..], Fields[i].Value);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(FieldFlagsOffset + (i * 4))..], Fields[i].Operator);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span[BufLenOffset..], (uint)_buffer.Count);
        for (var i = 0; i < _buffer.Count; i++)
        {
            bytes[HeaderLength + i] = _buffer[i];
        }

        return bytes;
    }

    /// <summary>Reads a rule as the kernel lists it; throws <see cref="FormatException"/> when it is truncated.</summary>
    public static AuditRuleData Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderLength)
        {
            throw new FormatException($"audit rule of {data.Length} bytes is shorter than the {HeaderLength}-byte header");
        }

        var rule = new AuditRuleData
        {
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(data),
            Action = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]),
        };
        var count = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data[8..]), MaxFields);
        for (var i = 0; i < BitmaskSize; i++)
        {
            rule.Mask[i] = BinaryPrimitives.ReadUInt32LittleEndian(data[(12 + (i * 4))..]);
        }

        var bufLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[BufLenOffset..]);
        var buffer = data[HeaderLength..];
        if (bufLength > buffer.Length)
        {
            throw new FormatException($"audit rule buffer of {bufLength} bytes runs past the {data.Length}-byte message");
        }

        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            var field = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[(FieldsOffset + (i * 4))..]);
            var value = BinaryPrimitives.ReadUInt32LittleEndian(data[(ValuesOffset + (i * 4))..]);
            var op = BinaryPrimitives.ReadUInt32LittleEndian(data[(FieldFlagsOffset + (i * 4))..]);
            var id = (int)(field & ~Operators);
            if (IsStringField(id) && offset + (long)value <= bufLength)
            {
                rule.AddString(field, op, buffer.Slice(offset, (int)value).ToArray());
                offset += (int)value;
            }
            else
            {
                rule.AddField(field, op, value);
            }
        }

        return rule;
    }

    private const int FieldsOffset = 12 + (BitmaskSize * 4);
    private const int ValuesOffset = FieldsOffset + (MaxFields * 4);
    private const int FieldFlagsOffset = ValuesOffset + (MaxFields * 4);
    private const int BufLenOffset = FieldFlagsOffset + (MaxFields * 4);
}
