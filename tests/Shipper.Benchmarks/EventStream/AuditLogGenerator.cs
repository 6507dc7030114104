using System.Globalization;
using System.Text;

namespace Shipper.Benchmarks.EventStream;

/// <summary>
/// Writes a synthetic audit.log shaped like a busy host's: syscall events of 5 records (SYSCALL, CWD, two PATH,
/// PROCTITLE), every third an execve with an EXECVE record, every tenth a user-space login record, and records of
/// neighbouring events interleaved as the kernel interleaves them under load.
/// </summary>
public static class AuditLogGenerator
{
    public static string Write(string path, int events)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        var pending = new List<string>();
        for (var i = 0; i < events; i++)
        {
            var serial = 1000 + i;
            var time = string.Create(CultureInfo.InvariantCulture, $"{1_700_000_000 + (i / 1000)}.{i % 1000:000}:{serial}");
            var pid = 4000 + (i % 97);
            if (i % 10 == 9)
            {
                pending.Add($"type=USER_LOGIN msg=audit({time}): pid={pid} uid=0 auid=1000 ses={i % 50} msg='op=login id=1000 exe=\"/usr/sbin/sshd\" hostname=10.0.0.{i % 250} addr=10.0.0.{i % 250} terminal=/dev/pts/{i % 9} res=success'");
            }
            else if (i % 3 == 0)
            {
                pending.Add($"type=SYSCALL msg=audit({time}): arch=c000003e syscall=59 success=yes exit=0 a0=55d8a0e3c0a0 a1=55d8a0e3c120 a2=55d8a0e3c160 a3=8 items=2 ppid={pid - 1} pid={pid} auid=1000 uid=1000 gid=1000 euid=1000 suid=1000 fsuid=1000 egid=1000 sgid=1000 fsgid=1000 tty=pts0 ses=3 comm=\"grep\" exe=\"/usr/bin/grep\" subj=unconfined key=\"exec\"");
                pending.Add($"type=EXECVE msg=audit({time}): argc=4 a0=\"grep\" a1=\"-r\" a2=\"needle\" a3=2F686F6D652F75736572206469722F");
                pending.Add($"type=CWD msg=audit({time}): cwd=\"/home/user\"");
                pending.Add($"type=PATH msg=audit({time}): item=0 name=\"/usr/bin/grep\" inode=1051 dev=fe:00 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
                pending.Add($"type=PATH msg=audit({time}): item=1 name=\"/lib64/ld-linux-x86-64.so.2\" inode=2001 dev=fe:00 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
                pending.Add($"type=PROCTITLE msg=audit({time}): proctitle=67726570002D72006E6565646C65002F686F6D652F75736572206469722F");
            }
            else
            {
                pending.Add($"type=SYSCALL msg=audit({time}): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=7ffd2a1b3e10 a2=0 a3=0 items=2 ppid={pid - 1} pid={pid} auid=1000 uid=1000 gid=1000 euid=1000 suid=1000 fsuid=1000 egid=1000 sgid=1000 fsgid=1000 tty=pts0 ses=3 comm=\"cat\" exe=\"/usr/bin/cat\" subj=unconfined key=\"access\"");
                pending.Add($"type=CWD msg=audit({time}): cwd=\"/home/user\"");
                pending.Add($"type=PATH msg=audit({time}): item=0 name=\"/etc/\" inode=2 dev=fe:00 mode=040755 ouid=0 ogid=0 rdev=00:00 nametype=PARENT cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
                pending.Add($"type=PATH msg=audit({time}): item=1 name=\"/etc/shadow\" inode=3317 dev=fe:00 mode=0100640 ouid=0 ogid=42 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
                pending.Add($"type=PROCTITLE msg=audit({time}): proctitle=636174002F6574632F736861646F77");
            }

            // Interleave: every other event's records are written alternately with the next event's.
            if (i % 2 == 1)
            {
                foreach (var line in pending)
                {
                    writer.WriteLine(line);
                }

                pending.Clear();
            }
        }

        foreach (var line in pending)
        {
            writer.WriteLine(line);
        }

        return path;
    }
}
