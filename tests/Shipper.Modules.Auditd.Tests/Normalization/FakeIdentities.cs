using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Tests.Normalization;

/// <summary>The users and groups Auditbeat's golden-file test hard-codes (plus root), so documents can be compared.</summary>
internal sealed class FakeIdentities : IIdentityResolver
{
    private static readonly Dictionary<string, string> Users = new()
    {
        ["0"] = "root", ["1000"] = "vagrant", ["1001"] = "alice", ["1002"] = "oldbob", ["1003"] = "charlie", ["1004"] = "testuser", ["9999"] = "bob",
    };

    private static readonly Dictionary<string, string> Groups = new()
    {
        ["0"] = "root", ["1000"] = "vagrant", ["1001"] = "alice", ["1002"] = "oldbob", ["1003"] = "charlie", ["1004"] = "testgroup", ["9999"] = "bob",
    };

    public string? UserName(string uid) => Users.GetValueOrDefault(uid);

    public string? GroupName(string gid) => Groups.GetValueOrDefault(gid);

    public string? UserId(string name) => Users.FirstOrDefault(p => p.Value == name).Key;

    public string? GroupId(string name) => Groups.FirstOrDefault(p => p.Value == name).Key;
}
