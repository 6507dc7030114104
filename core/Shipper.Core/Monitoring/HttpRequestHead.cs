using System.Text;

namespace Shipper.Core.Monitoring;

/// <summary>The request line of an HTTP/1.x request: all the monitoring endpoint needs.</summary>
internal sealed record HttpRequestHead(string Method, string Path, bool Pretty)
{
    private const int MaxHeadBytes = 8192;

    /// <summary>Reads up to the blank line ending the headers; null when the request is malformed or too large.</summary>
    public static async Task<HttpRequestHead?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                return Parse(Encoding.ASCII.GetString(buffer, 0, length));
            }
        }

        return null;
    }

    /// <summary>Parses <c>GET /stats?pretty HTTP/1.1</c> from the start of <paramref name="head"/>.</summary>
    public static HttpRequestHead? Parse(string head)
    {
        var lineEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
        var parts = (lineEnd < 0 ? head : head[..lineEnd]).Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || !parts[1].StartsWith('/'))
        {
            return null;
        }

        var target = parts[1];
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];
        var pretty = query.Split('&').Any(p => p == "pretty" || p.StartsWith("pretty=", StringComparison.Ordinal));
        return new HttpRequestHead(parts[0], path, pretty);
    }
}
