using System.Buffers;

namespace Shipper.Modules.Auditd.Replay;

/// <summary>
/// Splits a stream into lines without allocating per line: one pooled buffer, grown only for a line longer than
/// it. A last line without a newline is still a line.
/// </summary>
public static class LogLineReader
{
    private const int InitialBuffer = 1 << 20;

    /// <summary>Calls <paramref name="handler"/> for each line of <paramref name="stream"/>; returns the number of lines.</summary>
    public static long ReadLines(Stream stream, LineHandler handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handler);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        long lines = 0;
        try
        {
            var filled = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (filled == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    if (filled > 0)
                    {
                        handler(buffer.AsSpan(0, filled));
                        lines++;
                    }

                    return lines;
                }

                filled += read;
                var consumed = 0;
                var data = buffer.AsSpan(0, filled);
                int newline;
                while ((newline = data[consumed..].IndexOf((byte)'\n')) >= 0)
                {
                    handler(data.Slice(consumed, newline));
                    lines++;
                    consumed += newline + 1;
                }

                data[consumed..].CopyTo(buffer);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
