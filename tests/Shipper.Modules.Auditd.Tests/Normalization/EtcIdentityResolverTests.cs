using Microsoft.Extensions.Time.Testing;
using Shipper.Modules.Auditd.Interpretation;
using Shipper.Testing;

namespace Shipper.Modules.Auditd.Tests.Normalization;

public class EtcIdentityResolverTests
{
    [Fact]
    public void Ids_and_names_are_read_from_passwd_and_group()
    {
        using var temp = new TempDirectory();
        var resolver = new EtcIdentityResolver(
            temp.Write("passwd", "root:x:0:0:root:/root:/bin/bash\nalice:x:1001:1001::/home/alice:/bin/sh\n"),
            temp.Write("group", "root:x:0:\nstaff:x:50:alice\n"),
            TimeProvider.System);

        Assert.Equal("alice", resolver.UserName("1001"));
        Assert.Equal("1001", resolver.UserId("alice"));
        Assert.Equal("staff", resolver.GroupName("50"));
        Assert.Equal("50", resolver.GroupId("staff"));
        Assert.Null(resolver.UserName("4242"));
    }

    [Fact]
    public void A_user_added_to_passwd_is_resolved_after_the_check_interval()
    {
        using var temp = new TempDirectory();
        var passwd = temp.Write("passwd", "root:x:0:0:root:/root:/bin/bash\n");
        var time = new FakeTimeProvider();
        var resolver = new EtcIdentityResolver(passwd, temp.Write("group", "root:x:0:\n"), time);
        Assert.Null(resolver.UserName("1005"));

        File.AppendAllText(passwd, "dave:x:1005:1005::/home/dave:/bin/sh\n");
        File.SetLastWriteTimeUtc(passwd, DateTime.UtcNow.AddSeconds(5));
        Assert.Null(resolver.UserName("1005"));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("dave", resolver.UserName("1005"));
    }
}
