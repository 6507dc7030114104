using Shipper.Config;
using Shipper.Outputs.File;

namespace Shipper.Outputs.Tests.File;

public sealed class FileOutputOptionsTests
{
    [Fact]
    public void Defaults_are_Beats_defaults_and_valid()
    {
        var options = new FileOutputOptions();

        Assert.Null(options.Path);
        Assert.Equal("shipper", options.Filename);
        Assert.Equal(10240, options.RotateEveryKb);
        Assert.Equal(7, options.NumberOfFiles);
        Assert.Equal("0600", options.Permissions);
        Assert.True(options.RotateOnStartup);
        Assert.False(options.Codec.Json.Pretty);
        Assert.False(options.Codec.Json.EscapeHtml);
        Assert.Empty(Errors(options));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(1025)]
    public void Number_of_files_outside_2_to_1024_is_an_error(int numberOfFiles)
    {
        var errors = Errors(new FileOutputOptions { NumberOfFiles = numberOfFiles });

        var (key, message) = Assert.Single(errors);
        Assert.Equal("number_of_files", key);
        Assert.Contains(numberOfFiles.ToString(), message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Rotate_every_kb_below_1_is_an_error(int kb)
    {
        Assert.Equal("rotate_every_kb", Assert.Single(Errors(new FileOutputOptions { RotateEveryKb = kb })).Key);
    }

    [Theory]
    [InlineData("0644")]
    [InlineData("600")]
    [InlineData("0o640")]
    public void Octal_permissions_are_accepted(string permissions)
    {
        Assert.Empty(Errors(new FileOutputOptions { Permissions = permissions }));
    }

    [Theory]
    [InlineData("0800")]
    [InlineData("rw-------")]
    [InlineData("01777")]
    [InlineData("")]
    public void Permissions_that_are_not_an_octal_mode_are_an_error(string permissions)
    {
        var (key, message) = Assert.Single(Errors(new FileOutputOptions { Permissions = permissions }));
        Assert.Equal("permissions", key);
        Assert.Contains("octal", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("logs/shipper")]
    [InlineData("..")]
    public void A_filename_with_a_folder_or_empty_is_an_error(string filename)
    {
        Assert.Equal("filename", Assert.Single(Errors(new FileOutputOptions { Filename = filename })).Key);
    }

    [Fact]
    public void An_empty_path_is_an_error()
    {
        Assert.Equal("path", Assert.Single(Errors(new FileOutputOptions { Path = " " })).Key);
    }

    private static IReadOnlyList<(string Key, string Message)> Errors(FileOutputOptions options)
    {
        var errors = new ValidationErrors();
        options.Validate(errors);
        return errors.Items;
    }
}
