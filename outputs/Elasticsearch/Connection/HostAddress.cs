using System.Diagnostics.CodeAnalysis;

namespace Shipper.Outputs.Elasticsearch.Connection;

/// <summary>Turns a <c>hosts</c> entry (<c>host</c>, <c>host:port</c> or a URL) into a node URI, as Beats does.</summary>
internal static class HostAddress
{
    public const int DefaultPort = 9200;

    /// <summary>
    /// Parses <paramref name="host"/>: a missing scheme takes <paramref name="protocol"/>, a missing port 9200,
    /// a missing path <paramref name="path"/>. User info in the URL is refused: credentials belong in
    /// <c>username</c>/<c>password</c>, which are never logged.
    /// </summary>
    public static bool TryParse(string? host, string protocol, string? path, [NotNullWhen(true)] out Uri? uri, [NotNullWhen(false)] out string? error)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(host))
        {
            error = "must not be empty";
            return false;
        }

        var text = host.Trim();
        var hasScheme = text.Contains("://", StringComparison.Ordinal);
        if (!Uri.TryCreate(hasScheme ? text : $"{protocol}://{text}", UriKind.Absolute, out var parsed) || parsed.Host.Length == 0)
        {
            error = $"'{Describe(text)}' is not a host:port or URL";
            return false;
        }

        if (parsed.Scheme is not ("http" or "https"))
        {
            error = $"scheme '{parsed.Scheme}' is not supported; use http or https";
            return false;
        }

        if (parsed.UserInfo.Length > 0)
        {
            error = "must not contain credentials; use username and password (or api_key)";
            return false;
        }

        var builder = new UriBuilder(parsed)
        {
            Port = HasExplicitPort(text, hasScheme) ? parsed.Port : DefaultPort,
        };
        var urlPath = parsed.AbsolutePath.Trim('/');
        var prefix = string.IsNullOrEmpty(urlPath) ? (path ?? string.Empty).Trim('/') : urlPath;
        builder.Path = prefix.Length == 0 ? "/" : "/" + prefix + "/";
        uri = builder.Uri;
        error = null;
        return true;
    }

    private static bool HasExplicitPort(string text, bool hasScheme)
    {
        var authority = hasScheme ? text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..] : text;
        var slash = authority.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            authority = authority[..slash];
        }

        var close = authority.LastIndexOf(']');
        var colon = authority.LastIndexOf(':');
        return colon > close;
    }

    // A host string may have a password in it (http://user:secret@host): never echo that part.
    private static string Describe(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? text : "…@" + text[(at + 1)..];
    }
}
