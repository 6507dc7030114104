namespace Shipper.Core.Config;

/// <summary>
/// Decides which configuration values are secrets, so that exports, logs and error messages never echo them.
/// A key is secret when it is named <c>password</c>, <c>api_key</c>, <c>passphrase</c>, <c>secret</c>,
/// <c>token</c>, <c>key_passphrase</c> or <c>secret_access_key</c>, or ends in <c>_password</c>,
/// <c>_token</c> or <c>_secret</c> (case-insensitive). Everything below a secret key is secret too.
/// </summary>
public static class SecretMask
{
    /// <summary>What is shown instead of a secret value.</summary>
    public const string Redacted = "[REDACTED]";

    private static readonly string[] Names = ["password", "api_key", "passphrase", "secret", "token", "key_passphrase", "secret_access_key"];
    private static readonly string[] Suffixes = ["_password", "_token", "_secret"];

    /// <summary>True when the single key <paramref name="key"/> (not a dotted path) names a secret.</summary>
    public static bool IsSecretKey(string key)
    {
        foreach (var name in Names)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var suffix in Suffixes)
        {
            if (key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when any key along the dotted <paramref name="path"/> names a secret (<c>output.es.password</c>).</summary>
    public static bool IsSecretPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        foreach (var segment in path.Split('.'))
        {
            if (IsSecretKey(segment))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The value as it may appear in a message: quoted, or <see cref="Redacted"/> when the path is secret
    /// or <paramref name="isSecret"/> says so (a property marked <c>[Secret]</c>).
    /// </summary>
    public static string Show(string? path, string? value, bool isSecret = false) =>
        isSecret || IsSecretPath(path) ? Redacted : value is null ? "nothing" : $"'{value}'";
}
