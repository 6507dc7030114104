using Shipper.Config;
using Shipper.Core.Config;

namespace Shipper.Core.Tests.Config;

public class YamlTreeReaderTests
{
    [Fact]
    public void Syntax_error_names_file_line_column_and_reason()
    {
        var yaml = "output:\n  console:\n    pretty: true\n  file: [a, b\n";

        var error = Assert.Throws<ConfigException>(() => YamlTreeReader.Read(yaml, "/etc/shipper.yml"));

        Assert.Equal("/etc/shipper.yml", error.Location?.Source);
        Assert.Equal(5, error.Location?.Line);
        Assert.True(error.Location?.Column > 0);
        Assert.StartsWith("/etc/shipper.yml:5:", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_indentation_error_points_at_the_offending_line()
    {
        var error = Assert.Throws<ConfigException>(() => YamlTreeReader.Read("a: 1\nb:\n\t- x\n", "f.yml"));

        Assert.Equal(new ConfigLocation("f.yml", 3, 1), error.Location);
        Assert.Contains("tab", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotted_keys_are_the_same_as_the_nested_form()
    {
        var dotted = ConfigFiles.Section("output.console.pretty: true\nqueue.mem.events: 10\n");
        var nested = ConfigFiles.Section("output:\n  console:\n    pretty: true\nqueue:\n  mem:\n    events: 10\n");

        foreach (var section in new[] { dotted, nested })
        {
            Assert.Equal("true", section.GetSection("output")?.GetSection("console")?.GetSection("pretty")?.Value);
            Assert.Equal("10", section.GetSection("queue.mem.events")?.Value);
        }
    }

    [Fact]
    public void Values_keep_their_line_and_column()
    {
        var section = ConfigFiles.Section("a:\n  b: 1\n  c:\n    - x\n    - y\n");

        Assert.Equal(new ConfigLocation("test.yml", 2, 3), section.GetSection("a.b")!.Location);
        Assert.Equal(new ConfigLocation("test.yml", 5, 7), section.GetSection("a.c.1")!.Location);
    }

    [Fact]
    public void A_key_written_twice_is_an_error_naming_both_places()
    {
        var yaml = "output.file:\n  path: /a\nname: x\noutput.file:\n  path: /b\n";

        var error = Assert.Throws<ConfigException>(() => YamlTreeReader.Read(yaml, "s.yml"));

        Assert.Equal("output.file", error.KeyPath);
        Assert.Equal(new ConfigLocation("s.yml", 4, 1), error.Location);
        Assert.Contains("s.yml:1:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dotted_key_repeating_a_nested_key_is_a_duplicate()
    {
        var yaml = "output:\n  console:\n    pretty: true\noutput.console.pretty: false\n";

        var error = Assert.Throws<ConfigException>(() => YamlTreeReader.Read(yaml, "s.yml"));

        Assert.Equal("output.console.pretty", error.KeyPath);
        Assert.Contains("s.yml:3:5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotted_keys_sharing_a_prefix_extend_the_same_map()
    {
        var section = ConfigFiles.Section("output.console.pretty: true\noutput.console.codec: json\noutput:\n  file.path: /x\n");

        Assert.Equal(["pretty", "codec"], section.GetSection("output.console")!.Keys);
        Assert.Equal("/x", section.GetSection("output.file.path")?.Value);
    }

    [Fact]
    public void Aliases_repeat_the_anchored_block()
    {
        var section = ConfigFiles.Section("base: &b\n  rate: 5\ncopy: *b\n");

        Assert.Equal("5", section.GetSection("copy.rate")?.Value);
    }

    [Fact]
    public void Merge_keys_fill_in_keys_not_written_in_the_mapping()
    {
        var section = ConfigFiles.Section("base: &b\n  rate: 5\n  size: 1\ncopy:\n  <<: *b\n  size: 2\n");

        Assert.Equal("5", section.GetSection("copy.rate")?.Value);
        Assert.Equal("2", section.GetSection("copy.size")?.Value);
    }

    [Fact]
    public void Merging_a_later_file_into_one_use_of_an_anchor_leaves_the_others_alone()
    {
        using var dir = new Shipper.Testing.TempDirectory();
        var first = dir.Write("a.yml", "setup:\n  a: &x\n    v: 1\n  b: *x\n");
        var second = dir.Write("b.yml", "setup.a.v: 2\n");

        var root = ConfigLoader.Load(new ConfigLoadRequest { Files = [first, second], DefaultHome = dir.Path }).Root;

        Assert.Equal("2", root.GetSection("setup.a.v")?.Value);
        Assert.Equal("1", root.GetSection("setup.b.v")?.Value);
    }

    [Fact]
    public void A_second_document_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => YamlTreeReader.Read("a: 1\n---\nb: 2\n", "s.yml"));

        Assert.Equal(2, error.Location?.Line);
    }

    [Fact]
    public void Empty_text_has_no_document()
    {
        Assert.Null(YamlTreeReader.Read("# only a comment\n", "s.yml"));
    }
}
