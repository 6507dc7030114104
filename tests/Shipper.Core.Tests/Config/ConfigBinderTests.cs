using Shipper.Config;
using Shipper.Events;

namespace Shipper.Core.Tests.Config;

public class ConfigBinderTests
{
    private static SampleOptions Bind(string yaml) => ConfigFiles.Section(yaml).Bind<SampleOptions>();

    private static ConfigException BindFails(string yaml) => Assert.Throws<ConfigException>(() => Bind(yaml));

    [Fact]
    public void Keys_map_to_properties_by_snake_case_and_config_key()
    {
        var options = Bind("name: a\nbacklog_limit: 5\nrate_limit: 7\nrotateeverybytes: 1024\nenabled: yes\n");

        Assert.Equal("a", options.Name);
        Assert.Equal(5, options.BacklogLimit);
        Assert.Equal(7u, options.RateLimit);
        Assert.Equal(1024, options.RotateEveryBytes);
        Assert.True(options.Enabled);
    }

    [Fact]
    public void Keys_not_written_keep_their_defaults()
    {
        var options = Bind("enabled: true\n");

        Assert.Equal("default", options.Name);
        Assert.Equal(8192, options.BacklogLimit);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal("untouched", options.Ignored);
    }

    [Fact]
    public void An_ignored_property_is_an_unknown_key()
    {
        var error = BindFails("ignored: x\n");

        Assert.Equal("ignored", error.KeyPath);
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("True", true)]
    [InlineData("no", false)]
    public void Booleans_accept_yaml_1_1_words(string text, bool expected)
    {
        Assert.Equal(expected, Bind($"enabled: {text}\n").Enabled);
    }

    [Fact]
    public void Unknown_top_level_key_names_its_line_and_suggests_the_closest_key()
    {
        var error = BindFails("name: a\nbacklog_limt: 5\n");

        Assert.Equal("backlog_limt", error.KeyPath);
        Assert.Equal(new ConfigLocation("test.yml", 2, 1), error.Location);
        Assert.Contains("did you mean 'backlog_limit'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("rate_limit", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.yml:2:1: 'backlog_limt': unknown key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_nested_key_names_its_full_path()
    {
        var error = BindFails("children:\n  - size: 2\n  - size: 3\n    lable: x\n");

        Assert.Equal("children.1.lable", error.KeyPath);
        Assert.Equal(4, error.Location?.Line);
        Assert.Contains("did you mean 'label'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("under 'children.1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_far_from_every_known_key_gets_no_suggestion_but_the_valid_keys()
    {
        var error = BindFails("child:\n  completely_else: 1\n");

        Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("size, label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_names_the_key_the_value_and_what_is_accepted()
    {
        var error = BindFails("backlog_limit: lots\n");

        Assert.Equal("backlog_limit", error.KeyPath);
        Assert.Contains("'lots'", error.Message, StringComparison.Ordinal);
        Assert.Contains("whole number from -2147483648 to 2147483647", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_number_names_the_key_and_the_range()
    {
        var error = BindFails("rate_limit: -1\n");

        Assert.Equal("rate_limit", error.KeyPath);
        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
        Assert.Contains("0 to 4294967295", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_overflow_is_out_of_range_not_a_crash()
    {
        var error = BindFails("backlog_limit: 99999999999999999999999\n");

        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_values_are_written_in_snake_case_and_errors_list_them()
    {
        Assert.Equal(SampleMode.VerySafe, Bind("mode: very_safe\n").Mode);

        var error = BindFails("mode: slow\n");

        Assert.Contains("one of fast, very_safe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_and_nullable_values_bind()
    {
        var options = Bind("timeout: 1m30s\ngrace: 500ms\noptional: 4\nratio: 0.25\n");

        Assert.Equal(TimeSpan.FromSeconds(90), options.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Grace);
        Assert.Equal(4, options.Optional);
        Assert.Equal(0.25, options.Ratio);
    }

    [Fact]
    public void Null_clears_a_nullable_value_but_a_required_value_needs_one()
    {
        Assert.Null(Bind("optional: ~\ndescription:\n").Description);

        var error = BindFails("backlog_limit:\n");

        Assert.Contains("needs a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_arrays_and_read_only_lists_bind()
    {
        var options = Bind("tags: [a, b]\nports:\n  - 80\n  - 443\nperiods: [1s, 2m]\n");

        Assert.Equal(["a", "b"], options.Tags);
        Assert.Equal([80, 443], options.Ports);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)], options.Periods);
    }

    [Fact]
    public void A_single_value_where_a_list_is_expected_is_an_error()
    {
        var error = BindFails("tags: a\n");

        Assert.Equal("tags", error.KeyPath);
        Assert.Contains("expected a list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void List_item_errors_name_the_item_index()
    {
        var error = BindFails("ports: [80, http]\n");

        Assert.Equal("ports.1", error.KeyPath);
    }

    [Fact]
    public void An_empty_item_in_a_list_of_blocks_is_an_error()
    {
        var error = BindFails("children:\n  - size: 2\n  -\n");

        Assert.Equal("children.1", error.KeyPath);
        Assert.Contains("needs a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dictionaries_and_nested_options_bind()
    {
        var options = Bind("limits:\n  a: 1\n  b: 2\nchild:\n  size: 3\nchildren:\n  - label: x\n");

        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, options.Limits);
        Assert.Equal(3, options.Child.Size);
        Assert.Equal("x", Assert.Single(options.Children).Label);
    }

    [Fact]
    public void Free_form_fields_get_typed_values()
    {
        var options = Bind("fields:\n  env: prod\n  port: 5066\n  big: 5000000000\n  ratio: 1.5\n  on: true\n  none: ~\n  quoted: \"42\"\n  list: [1, x]\n  nested.deep: yes\n");
        var fields = options.Fields!;

        Assert.Equal("prod", fields["env"]);
        Assert.Equal(5066, fields["port"]);
        Assert.Equal(5_000_000_000L, fields["big"]);
        Assert.Equal(1.5, fields["ratio"]);
        Assert.Equal(true, fields["on"]);
        Assert.Null(fields["none"]);
        Assert.Equal("42", fields["quoted"]);
        Assert.Equal(new List<object?> { 1, "x" }, fields["list"]);
        Assert.Equal("yes", fields.GetValueOrDefault("nested.deep"));
    }

    [Fact]
    public void A_raw_section_is_kept_unchecked_for_a_plugin()
    {
        var options = Bind("raw:\n  anything: 1\n  goes: [x]\n");

        Assert.Equal("raw", options.Raw!.Path);
        Assert.Equal(["anything", "goes"], options.Raw.Keys);
    }

    [Fact]
    public void Validation_errors_are_located_at_their_key()
    {
        var error = BindFails("enabled: true\nname: invalid\n");

        Assert.Equal("name", error.KeyPath);
        Assert.Equal(new ConfigLocation("test.yml", 2, 1), error.Location);
        Assert.Contains("must not be 'invalid'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_options_are_validated_too()
    {
        var error = BindFails("children:\n  - size: 50\n");

        Assert.Equal("children.0.size", error.KeyPath);
        Assert.Equal(2, error.Location?.Line);
    }

    [Fact]
    public void A_validation_error_on_an_absent_key_is_located_at_the_block()
    {
        var section = ConfigFiles.Section("outer:\n  child:\n    label: x\n").GetSection("outer.child")!;
        var error = Assert.Throws<ConfigException>(section.Bind<LabelRequired>);

        Assert.Equal("outer.child.label2", error.KeyPath);
        Assert.Equal(new ConfigLocation("test.yml", 2, 3), error.Location);
    }

    [Fact]
    public void All_errors_of_one_bind_are_reported_one_per_line()
    {
        var error = BindFails("backlog_limt: 1\nrate_limit: x\nmode: slow\n");

        var lines = error.Message.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("test.yml:1:1: 'backlog_limt'", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("test.yml:2:13: 'rate_limit'", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("test.yml:3:7: 'mode'", lines[2], StringComparison.Ordinal);
        Assert.Equal("backlog_limt", error.KeyPath);
    }

    [Fact]
    public void A_type_error_on_a_secret_never_shows_the_value()
    {
        var password = BindFails("password: [hunter2]\n");
        var credentials = BindFails("credentials:\n  user: hunter2\n");

        Assert.DoesNotContain("hunter2", password.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", credentials.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_that_is_a_single_value_is_an_error()
    {
        var error = BindFails("child: 5\n");

        Assert.Equal("child", error.KeyPath);
        Assert.Contains("expected a block of settings", error.Message, StringComparison.Ordinal);
    }

    public sealed class LabelRequired : IValidatable
    {
        public string? Label { get; set; }

        public void Validate(ValidationErrors errors) => errors.Add("label2", "is required");
    }
}
