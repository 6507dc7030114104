namespace Shipper.Modules.Auditd.Parsing;

/// <summary>
/// Walks the <c>key=value</c> pairs of a record body without allocating. Handles double-quoted, single-quoted and
/// bare values; flattens a user message's nested <c>msg='key=value …'</c>; turns the legacy LOGIN form
/// <c>old auid=1 new auid=2</c> into <c>old_auid</c>/<c>new_auid</c> (see <see cref="KeyPrefix"/>); and reads an
/// SELinux AVC's <c>denied { read }</c> as <c>seresult=denied</c> and <c>seperms=read</c>. Words that are not
/// pairs are skipped. A value whose closing quote is missing runs to the end and sets <see cref="Malformed"/>.
/// </summary>
public ref struct AuditFieldReader
{
    private readonly ReadOnlySpan<byte> _text;
    private int _position;
    private int _nestedEnd;
    private ReadOnlySpan<byte> _lastWord;
    private ReadOnlySpan<byte> _prefix;
    private bool _pendingPerms;
    private bool _openParenthesis;

    public AuditFieldReader(ReadOnlySpan<byte> body)
    {
        _text = body;
        _position = 0;
        _nestedEnd = -1;
    }

    /// <summary>The current key (<c>comm</c>, <c>a1[0]</c>).</summary>
    public ReadOnlySpan<byte> Key { get; private set; }

    /// <summary><c>old</c> or <c>new</c> when the key followed such a word (legacy LOGIN records); otherwise empty.</summary>
    public ReadOnlySpan<byte> KeyPrefix { get; private set; }

    /// <summary>The value without its quotes.</summary>
    public ReadOnlySpan<byte> Value { get; private set; }

    /// <summary>How the value was written.</summary>
    public AuditValueKind Kind { get; private set; }

    /// <summary>True once a value's closing quote or brace was missing.</summary>
    public bool Malformed { get; private set; }

    /// <summary>Moves to the next pair; false at the end.</summary>
    public bool Read()
    {
        if (_pendingPerms)
        {
            return ReadBraced();
        }

        while (true)
        {
            SkipSpaces();
            if (_position >= End)
            {
                if (_nestedEnd < 0)
                {
                    return false;
                }

                // Leave the nested msg='…' and continue after its closing quote.
                _position = _nestedEnd + 1;
                _nestedEnd = -1;
                continue;
            }

            var rest = _text[_position..End];
            if (rest[0] == (byte)'{')
            {
                _pendingPerms = true;
                if (_lastWord.Length > 0)
                {
                    SetField("seresult"u8, _lastWord, AuditValueKind.Bare);
                    return true;
                }

                return ReadBraced();
            }

            var wordEnd = IndexOfEither(rest, (byte)' ', (byte)'=');
            if (wordEnd < 0 || rest[wordEnd] == (byte)' ')
            {
                SkipWord(rest, wordEnd < 0 ? rest.Length : wordEnd);
                continue;
            }

            var key = rest[..wordEnd];
            if (key.Length > 0 && key[0] == (byte)'(')
            {
                // Old PAM records: "(hostname=h, addr=a, terminal=t res=success)".
                key = key[1..];
                _openParenthesis = true;
            }

            _position += wordEnd + 1;
            if (key.SequenceEqual("msg"u8) && _position < End && _text[_position] == (byte)'\'' && _nestedEnd < 0 && TryEnterNested())
            {
                continue;
            }

            ReadValue(key);
            _lastWord = default;
            return true;
        }
    }

    private readonly int End => _nestedEnd >= 0 ? _nestedEnd : _text.Length;

    private void SkipSpaces()
    {
        while (_position < End && _text[_position] is (byte)' ' or (byte)'\t' or (byte)'\n')
        {
            _position++;
        }
    }

    private void SkipWord(ReadOnlySpan<byte> rest, int length)
    {
        var word = rest[..length];
        _prefix = word.SequenceEqual("old"u8) || word.SequenceEqual("new"u8) ? word : default;
        _lastWord = word.TrimEnd((byte)':');
        _position += length;
    }

    private bool TryEnterNested()
    {
        var close = _text[(_position + 1)..].LastIndexOf((byte)'\'');
        if (close < 0)
        {
            // auditd sometimes loses the closing quote (e.g. SERVICE_START); read the pairs to the end.
            Malformed = true;
            close = _text.Length - _position - 1;
        }

        var inner = _text.Slice(_position + 1, close);
        if (inner.IndexOf((byte)'=') < 0)
        {
            // A free-text message (msg='text'): keep it as the value of msg.
            return false;
        }

        _nestedEnd = _position + 1 + close;
        _position++;
        return true;
    }

    private void ReadValue(ReadOnlySpan<byte> key)
    {
        var rest = _text[_position..End];
        if (rest.Length > 0 && rest[0] is (byte)'"' or (byte)'\'')
        {
            var quote = rest[0];
            var close = rest[1..].IndexOf(quote);
            if (close < 0)
            {
                Malformed = true;
                SetField(key, rest[1..], quote == (byte)'"' ? AuditValueKind.Quoted : AuditValueKind.SingleQuoted);
                _position = End;
                return;
            }

            SetField(key, rest.Slice(1, close), quote == (byte)'"' ? AuditValueKind.Quoted : AuditValueKind.SingleQuoted);
            _position += close + 2;
            return;
        }

        var end = IndexOfEither(rest, (byte)' ', (byte)'\t');
        var value = end < 0 ? rest : rest[..end];
        if (_openParenthesis && value.EndsWith(")"u8))
        {
            value = value[..^1];
            _openParenthesis = false;
        }

        SetField(key, value, AuditValueKind.Bare);
        _position += end < 0 ? rest.Length : end;
    }

    private bool ReadBraced()
    {
        _pendingPerms = false;
        var rest = _text[_position..End];
        var close = rest.IndexOf((byte)'}');
        if (close < 0)
        {
            Malformed = true;
            close = rest.Length;
        }

        SetField("seperms"u8, rest[1..close].Trim((byte)' '), AuditValueKind.Braced);
        _position += Math.Min(close + 1, rest.Length);
        _lastWord = default;
        return true;
    }

    /// <summary>
    /// The first <paramref name="a"/> or <paramref name="b"/> in <paramref name="text"/>, or -1. Keys and most values
    /// end within a few bytes, where a plain loop beats the vectorised search's set-up; past 16 bytes it takes over.
    /// </summary>
    private static int IndexOfEither(ReadOnlySpan<byte> text, byte a, byte b)
    {
        var scalar = Math.Min(text.Length, 16);
        for (var i = 0; i < scalar; i++)
        {
            if (text[i] == a || text[i] == b)
            {
                return i;
            }
        }

        if (scalar == text.Length)
        {
            return -1;
        }

        var found = text[scalar..].IndexOfAny(a, b);
        return found < 0 ? -1 : scalar + found;
    }

    private void SetField(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, AuditValueKind kind)
    {
        Key = key;
        KeyPrefix = _prefix;
        _prefix = default;
        Value = value;
        Kind = kind;
    }
}
