using Shipper.Core.Config;

namespace Shipper.Core.Tests.Config;

public class GoDurationTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("30", 30_000)]
    [InlineData("0.5", 500)]
    [InlineData("0", 0)]
    [InlineData("-5s", -5_000)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    public void Go_durations_parse(string text, long milliseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("2us", 20)]
    [InlineData("2µs", 20)]
    [InlineData("1500ns", 15)]
    public void Sub_millisecond_units_parse_to_ticks(string text, long ticks)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(ticks, duration.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("10 s")]
    [InlineData("10d")]
    [InlineData("1m30")]
    [InlineData("ten seconds")]
    [InlineData("99999999999999999999999999999h")]
    public void Other_text_is_not_a_duration(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Fact]
    public void A_bad_duration_in_a_file_says_what_is_accepted()
    {
        var error = Assert.Throws<Shipper.Config.ConfigException>(() => ConfigFiles.Section("timeout: 10 sec\n").Bind<SampleOptions>());

        Assert.Equal("timeout", error.KeyPath);
        Assert.Contains("10s, 1m30s, 500ms or 1h", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(1_500, "1.5s")]
    [InlineData(30_000, "30s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(3_600_000, "1h0m0s")]
    [InlineData(5_400_000, "1h30m0s")]
    [InlineData(-2_000, "-2s")]
    public void Durations_are_written_as_Go_writes_them(int milliseconds, string expected)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Equal(expected, GoDuration.Format(duration));
        Assert.True(GoDuration.TryParse(expected, out var parsed));
        Assert.Equal(duration, parsed);
    }
}
