using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>
/// The <c>--strict.perms</c> check, as in Beats: a config file must be owned by root or by the user running
/// the shipper, and must not be writable by group or others, because whoever can edit it controls what runs.
/// </summary>
internal static class ConfigFilePermissions
{
    private const string Hint = "; to skip this check, run with --strict.perms=false";

    public static void Verify(string path)
    {
        if (!NativeFileStat.TryGet(path, out var owner, out var mode))
        {
            throw new ConfigException($"cannot read the owner and permissions of config file (\"{path}\")");
        }

        if (Problem(path, owner, mode, NativeFileStat.EffectiveUserId()) is { } problem)
        {
            throw new ConfigException(problem);
        }
    }

    /// <summary>What is wrong with a file owned by <paramref name="owner"/> with <paramref name="mode"/>; null when fine.</summary>
    internal static string? Problem(string path, uint owner, uint mode, uint currentUser)
    {
        if (owner != 0 && owner != currentUser)
        {
            return $"config file (\"{path}\") must be owned by the user identifier (uid={currentUser}) or root, but it is owned by uid={owner} "
                + $"(to fix the owner use: 'chown {currentUser} {path}')" + Hint;
        }

        if ((mode & 0b000_010_010) != 0)
        {
            return $"config file (\"{path}\") can only be writable by the owner but the permissions are \"{ModeString(mode)}\" "
                + $"(to fix the permissions use: 'chmod go-w {path}')" + Hint;
        }

        return null;
    }

    /// <summary>The mode as <c>ls -l</c> and Go print it: <c>-rw-rw-r--</c>.</summary>
    internal static string ModeString(uint mode)
    {
        var type = (mode & 0xF000) switch
        {
            0x4000 => 'd',
            0xA000 => 'l',
            _ => '-',
        };
        Span<char> text = stackalloc char[10];
        text[0] = type;
        const string letters = "rwxrwxrwx";
        for (var i = 0; i < 9; i++)
        {
            text[i + 1] = (mode & (1u << (8 - i))) != 0 ? letters[i] : '-';
        }

        return new string(text);
    }
}
