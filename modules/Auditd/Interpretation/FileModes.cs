
namespace Shipper.Modules.Auditd.Interpretation;

/// <summary>A PATH record's <c>mode</c> (octal st_mode): the permission string and the object type from the S_IF* bits.</summary>
public static class FileModes
{
    /// <summary>The permission strings made so far, by the mode's low 12 bits (filled on first use; a race only makes one twice).</summary>
    private static readonly string?[] Permissions = new string?[0x1000];

    /// <summary>
    /// Splits <paramref name="octal"/> into permissions (four octal digits with setuid/setgid/sticky, e.g. <c>0644</c>,
    /// <c>4755</c>) and the kind of file (<c>file</c>, <c>directory</c>, <c>symlink</c>, <c>character-device</c>,
    /// <c>block-device</c>, <c>named-pipe</c>, <c>socket</c>; null for other type bits).
    /// </summary>
    public static bool TryParse(string octal, out string permissions, out string? kind)
    {
        permissions = string.Empty;
        kind = null;
        uint mode = 0;
        if (octal.Length is 0 or > 11)
        {
            return false;
        }

        foreach (var c in octal)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            mode = (mode << 3) | (uint)(c - '0');
        }

        permissions = Permissions[mode & 0xFFF] ??= Convert.ToString(mode & 0xFFF, 8).PadLeft(4, '0');
        kind = (mode & 0xF000) switch
        {
            0x8000 => "file",
            0x4000 => "directory",
            0xA000 => "symlink",
            0x2000 => "character-device",
            0x6000 => "block-device",
            0x1000 => "named-pipe",
            0xC000 => "socket",
            _ => null,
        };
        return true;
    }
}
