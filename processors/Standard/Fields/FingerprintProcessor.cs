using System.Buffers;
using System.Collections;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Shipper.Events;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>
/// Hashes the listed fields into <c>target_field</c>, to give identical events the same id (e.g. for
/// <c>@metadata._id</c>). The input is, for each field in sorted order, <c>|name|value</c>, then a final <c>|</c>,
/// as Beats builds it; values are written as invariant text (objects as <c>map[k:v ...]</c>, lists as <c>[a b]</c>).
/// A missing field is an error unless <c>ignore_missing</c>; then no fingerprint is written.
/// </summary>
internal sealed class FingerprintProcessor : IProcessor
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly FieldPath[] _fields;
    private readonly FieldPath _target;
    private readonly FingerprintMethod _method;
    private readonly FingerprintEncoding _encoding;
    private readonly bool _ignoreMissing;
    private readonly ProcessorErrors _errors;

    public FingerprintProcessor(FingerprintOptions options, ProcessorSupport support)
    {
        Name = support.Name;
        _fields = [.. support.Paths("fields", options.Fields).OrderBy(p => p.Text, StringComparer.Ordinal)];
        _target = support.Path("target_field", options.TargetField);
        _method = options.Method;
        _encoding = options.Encoding;
        _ignoreMissing = options.IgnoreMissing;
        _errors = support.Errors;
    }

    public string Name { get; }

    public Event? Process(Event @event)
    {
        var input = new StringBuilder(128);
        foreach (var field in _fields)
        {
            object? value;
            if (field.Text == "@timestamp")
            {
                value = @event.Timestamp;
            }
            else if (!field.TryGet(@event, out value))
            {
                if (_ignoreMissing)
                {
                    continue;
                }

                _errors.Report($"cannot fingerprint: the event has no field '{field}'");
                return @event;
            }

            input.Append('|').Append(field.Text).Append('|');
            Append(input, value);
        }

        input.Append('|');
        _target.Put(@event, Hash(input));
        return @event;
    }

    private string Hash(StringBuilder input)
    {
        var length = Utf8.GetMaxByteCount(input.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            foreach (var chunk in input.GetChunks())
            {
                written += Utf8.GetBytes(chunk.Span, buffer.AsSpan(written));
            }

            Span<byte> hash = stackalloc byte[64];
            var size = Compute(buffer.AsSpan(0, written), hash);
            return Encode(hash[..size]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

#pragma warning disable CA5350, CA5351 // A fingerprint identifies events; it protects nothing, and md5/sha1 are offered for compatibility.
    private int Compute(ReadOnlySpan<byte> data, Span<byte> hash) => _method switch
    {
        FingerprintMethod.Md5 => MD5.HashData(data, hash),
        FingerprintMethod.Sha1 => SHA1.HashData(data, hash),
        FingerprintMethod.Sha384 => SHA384.HashData(data, hash),
        FingerprintMethod.Sha512 => SHA512.HashData(data, hash),
        FingerprintMethod.Xxhash => XxHash64.Hash(data, hash),
        _ => SHA256.HashData(data, hash),
    };
#pragma warning restore CA5350, CA5351

    private string Encode(ReadOnlySpan<byte> hash) => _encoding switch
    {
        FingerprintEncoding.Base64 => Convert.ToBase64String(hash),
        FingerprintEncoding.Base32 => Base32.Encode(hash),
        _ => Convert.ToHexStringLower(hash),
    };

    private static void Append(StringBuilder into, object? value)
    {
        switch (value)
        {
            case FieldMap map:
                into.Append("map[");
                var first = true;
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    into.Append(first ? string.Empty : " ").Append(key).Append(':');
                    Append(into, map[key]);
                    first = false;
                }

                into.Append(']');
                break;
            case IList list:
                into.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    into.Append(i == 0 ? string.Empty : " ");
                    Append(into, list[i]);
                }

                into.Append(']');
                break;
            case null:
                into.Append("<nil>");
                break;
            default:
                into.Append(FieldValues.ToText(value));
                break;
        }
    }
}
