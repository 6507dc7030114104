using System.Runtime.InteropServices;
using Shipper.Config;
using Shipper.Core.Config;
using Shipper.Testing;

namespace Shipper.Core.Tests.Config;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ConfigFilePermissionsTests
{
    [Fact]
    public void A_group_writable_file_is_refused_with_the_fix()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("shipper.yml", "name: a\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_110_100);

        var error = Assert.Throws<ConfigException>(() => Load(path, strict: true));

        Assert.Contains($"config file (\"{path}\") can only be writable by the owner but the permissions are \"-rw-rw-r--\"", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(to fix the permissions use: 'chmod go-w {path}')", error.Message, StringComparison.Ordinal);
        Assert.Contains("--strict.perms=false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_writable_by_others_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("shipper.yml", "name: a\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_110);

        Assert.Throws<ConfigException>(() => Load(path, strict: true));
    }

    [Fact]
    public void An_owner_only_file_is_accepted()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("shipper.yml", "name: a\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);

        Assert.Equal("a", Load(path, strict: true).Options.Name);
    }

    [Fact]
    public void Strict_perms_false_accepts_a_group_writable_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("shipper.yml", "name: a\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_110_110);

        Assert.Equal("a", Load(path, strict: false).Options.Name);
    }

    [Fact]
    public void A_file_owned_by_another_user_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("shipper.yml", "name: a\n");
        if (chown(path, 65534, 65534) != 0)
        {
            return; // only root can give a file away; the rule itself is covered below
        }

        var error = Assert.Throws<ConfigException>(() => Load(path, strict: true));

        Assert.Contains("must be owned by the user identifier (uid=0) or root", error.Message, StringComparison.Ordinal);
        Assert.Contains("uid=65534", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_and_the_current_user_may_own_the_file_but_no_one_else()
    {
        const uint mode = 0x8000 | 0b110_100_000;

        Assert.Null(ConfigFilePermissions.Problem("/x.yml", owner: 0, mode, currentUser: 1000));
        Assert.Null(ConfigFilePermissions.Problem("/x.yml", owner: 1000, mode, currentUser: 1000));
        Assert.NotNull(ConfigFilePermissions.Problem("/x.yml", owner: 1001, mode, currentUser: 1000));
    }

    [Theory]
    [InlineData(0x8000 | 0b110_110_100, "-rw-rw-r--")]
    [InlineData(0x8000 | 0b111_101_000, "-rwxr-x---")]
    [InlineData(0x4000 | 0b111_111_111, "drwxrwxrwx")]
    public void Modes_print_as_ls_does(uint mode, string expected)
    {
        Assert.Equal(expected, ConfigFilePermissions.ModeString(mode));
    }

    private static LoadedConfig Load(string path, bool strict) =>
        ConfigLoader.Load(new ConfigLoadRequest { Files = [path], StrictPermissions = strict, DefaultHome = "/tmp" });

    [DllImport("libc", SetLastError = true)]
    private static extern int chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
}
