using System.Runtime.InteropServices;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// Looks up users and groups by name through libc (getpwnam_r, getgrnam_r), so NSS sources such as LDAP answer
/// exactly as they do for auditctl.
/// </summary>
internal static unsafe partial class UserDatabase
{
    private const int BufferSize = 16 * 1024;
    private const int ERANGE = 34;

    /// <summary>The uid of user <paramref name="name"/>.</summary>
    public static bool TryGetUid(string name, out uint uid) => Lookup(name, isGroup: false, out uid);

    /// <summary>The gid of group <paramref name="name"/>.</summary>
    public static bool TryGetGid(string name, out uint gid) => Lookup(name, isGroup: true, out gid);

    private static bool Lookup(string name, bool isGroup, out uint id)
    {
        id = 0;
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        for (var size = BufferSize; size <= 1 << 20; size *= 4)
        {
            var buffer = new byte[size];
            // struct passwd and struct group are at most 48 bytes on 64-bit Linux; the id is at offset 16.
            var record = stackalloc byte[64];
            nint result;
            int error;
            fixed (byte* b = buffer)
            {
                error = isGroup
                    ? GetGroupByName(name, record, b, (nuint)size, &result)
                    : GetUserByName(name, record, b, (nuint)size, &result);
            }

            if (error == ERANGE)
            {
                continue;
            }

            if (error != 0 || result == 0)
            {
                return false;
            }

            id = *(uint*)(record + 16);
            return true;
        }

        return false;
    }

    [LibraryImport("libc", EntryPoint = "getpwnam_r", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int GetUserByName(string name, byte* record, byte* buffer, nuint size, nint* result);

    [LibraryImport("libc", EntryPoint = "getgrnam_r", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int GetGroupByName(string name, byte* record, byte* buffer, nuint size, nint* result);
}
