using Shipper.Outputs.File;

namespace Shipper.Outputs.Tests.File;

public sealed partial class FileOutputTests
{
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task Files_are_created_0600_by_default_even_after_rotation()
    {
        await using var h = new FileOutputHarness(new FileOutputOptions { RotateEveryKb = 1 });

        await h.SendAsync(0, 100);

        Assert.True(h.Files().Count > 1);
        Assert.All(h.Files(), f => Assert.Equal(Mode0600, System.IO.File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task Files_are_created_with_the_configured_permissions()
    {
        await using var h = new FileOutputHarness(new FileOutputOptions { Permissions = "0640" });

        await h.SendAsync(0, 1);

        Assert.Equal(Mode0600 | UnixFileMode.GroupRead, System.IO.File.GetUnixFileMode(h.BaseFile));
    }

    [Fact]
    public async Task A_missing_folder_is_created_0750()
    {
        await using var h = new FileOutputHarness();
        Assert.False(Directory.Exists(h.Folder));

        await h.SendAsync(0, 1);

        var expected = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        Assert.Equal(expected, System.IO.File.GetUnixFileMode(h.Folder));
    }
}
