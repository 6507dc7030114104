namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>Events with the same users share one read-only <c>user</c> map; nothing may leak between them.</summary>
public class UserFieldsTests
{
    private const string Log = """
        type=SYSCALL msg=audit(1700000000.000:101): arch=c000003e syscall=2 success=yes exit=3 a0=1 a1=0 a2=0 a3=0 items=0 ppid=1 pid=50 auid=1001 uid=1001 gid=1001 euid=0 suid=1001 fsuid=0 egid=1001 sgid=1001 fsgid=1001 tty=pts0 ses=4 comm="cat" exe="/usr/bin/cat" key=(null)
        type=PROCTITLE msg=audit(1700000000.000:101): proctitle=636174
        type=SYSCALL msg=audit(1700000000.000:102): arch=c000003e syscall=2 success=yes exit=3 a0=1 a1=0 a2=0 a3=0 items=0 ppid=1 pid=51 auid=1001 uid=1001 gid=1001 euid=0 suid=1001 fsuid=0 egid=1001 sgid=1001 fsgid=1001 tty=pts0 ses=4 comm="cat" exe="/usr/bin/cat" key=(null)
        type=PROCTITLE msg=audit(1700000000.000:102): proctitle=636174
        type=SYSCALL msg=audit(1700000000.000:103): arch=c000003e syscall=2 success=yes exit=3 a0=1 a1=0 a2=0 a3=0 items=0 ppid=1 pid=52 auid=1003 uid=1003 gid=1003 euid=1003 suid=1003 fsuid=1003 egid=1003 sgid=1003 fsgid=1003 tty=pts1 ses=5 comm="cat" exe="/usr/bin/cat" key=(null)
        type=PROCTITLE msg=audit(1700000000.000:103): proctitle=636174
        """;

    [Fact]
    public void A_change_to_one_events_user_fields_does_not_show_in_the_next_event_of_the_same_user()
    {
        var events = LogEngine.Run(Log);
        Assert.Equal(3, events.Count);
        Assert.Same(events[0].Fields["user"], events[1].Fields["user"]);

        events[0].Fields.Put("user.name", "changed");
        events[0].Fields.Remove("user.effective");

        Assert.Equal("changed", events[0].Fields.GetValueOrDefault("user.name"));
        Assert.Equal("alice", events[1].Fields.GetValueOrDefault("user.name"));
        Assert.Equal("root", events[1].Fields.GetValueOrDefault("user.effective.name"));
        Assert.Equal("1001", events[1].Fields.GetValueOrDefault("user.audit.id"));
    }

    [Fact]
    public void An_event_of_another_user_gets_its_own_user_fields()
    {
        var events = LogEngine.Run(Log);

        Assert.Equal("1003", events[2].Fields.GetValueOrDefault("user.id"));
        Assert.Equal("charlie", events[2].Fields.GetValueOrDefault("user.name"));
        Assert.Equal("1003", events[2].Fields.GetValueOrDefault("user.group.id"));
        Assert.Null(events[2].Fields.GetValueOrDefault("user.effective"));
        Assert.Equal("0", events[1].Fields.GetValueOrDefault("user.effective.id"));
    }
}
