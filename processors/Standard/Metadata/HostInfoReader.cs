using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Shipper.Events;

namespace Shipper.Processors.Standard.Metadata;

/// <summary>
/// Reads what <c>add_host_metadata</c> adds, from the OS: names, architecture, <c>/etc/os-release</c>, the kernel
/// release, <c>/etc/machine-id</c> and the addresses of the interfaces that are up (loopback excluded). Does I/O;
/// never called on the publishing path.
/// </summary>
internal static class HostInfoReader
{
    public static FieldMap Read(bool netinfo, string? name)
    {
        var hostname = Environment.MachineName;
        var host = new FieldMap()
            .Add("hostname", hostname)
            .Add("name", string.IsNullOrEmpty(name) ? hostname : name)
            .Add("architecture", Architecture())
            .Add("os", OperatingSystemInfo());
        if (ReadFirstLine("/etc/machine-id") is { Length: > 0 } id)
        {
            host["id"] = id;
        }

        host["containerized"] = File.Exists("/.dockerenv") || File.Exists("/run/.containerenv");
        if (netinfo)
        {
            var (ips, macs) = Addresses();
            host["ip"] = ips;
            host["mac"] = macs;
        }

        return host;
    }

    private static string Architecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.X86 => "i686",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        System.Runtime.InteropServices.Architecture.Arm => "armv7l",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static FieldMap OperatingSystemInfo()
    {
        var release = OsRelease();
        var os = new FieldMap().Add("type", "linux");
        Put(os, "family", release.GetValueOrDefault("ID_LIKE")?.Split(' ')[0] ?? release.GetValueOrDefault("ID"));
        Put(os, "platform", release.GetValueOrDefault("ID"));
        Put(os, "name", release.GetValueOrDefault("NAME"));
        Put(os, "version", release.GetValueOrDefault("VERSION") ?? release.GetValueOrDefault("VERSION_ID"));
        Put(os, "codename", release.GetValueOrDefault("VERSION_CODENAME"));
        Put(os, "kernel", ReadFirstLine("/proc/sys/kernel/osrelease"));
        return os;
    }

    private static void Put(FieldMap map, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            map[key] = value;
        }
    }

    private static Dictionary<string, string> OsRelease()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = File.Exists("/etc/os-release") ? "/etc/os-release" : "/usr/lib/os-release";
        if (!File.Exists(path))
        {
            return values;
        }

        foreach (var line in File.ReadLines(path))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && !line.StartsWith('#'))
            {
                values[line[..eq]] = line[(eq + 1)..].Trim().Trim('"', '\'');
            }
        }

        return values;
    }

    private static (List<string> Ips, List<string> Macs) Addresses()
    {
        var ips = new List<string>();
        var macs = new List<string>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.NetworkInterfaceType == NetworkInterfaceType.Loopback || nic.OperationalStatus == OperationalStatus.Down)
            {
                continue;
            }

            foreach (var address in nic.GetIPProperties().UnicastAddresses)
            {
                if (address.Address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                {
                    var text = address.Address.ToString();
                    var scope = text.IndexOf('%', StringComparison.Ordinal);
                    ips.Add(scope < 0 ? text : text[..scope]);
                }
            }

            var mac = nic.GetPhysicalAddress().GetAddressBytes();
            if (mac.Length == 6 && mac.Any(b => b != 0))
            {
                var formatted = string.Join('-', mac.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
                if (!macs.Contains(formatted))
                {
                    macs.Add(formatted);
                }
            }
        }

        return (ips, macs);
    }

    private static string? ReadFirstLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
