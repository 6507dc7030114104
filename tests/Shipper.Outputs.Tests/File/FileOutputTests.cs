using Shipper.Outputs.File;

namespace Shipper.Outputs.Tests.File;

public sealed partial class FileOutputTests
{
    [Fact]
    public async Task Each_event_is_one_JSON_line_with_its_fields_and_timestamp()
    {
        await using var h = new FileOutputHarness();
        var nested = FileOutputHarness.NumberedEvent(3);
        nested.Fields.Put("user.name", "rené");
        var batch = new OutputBatch([FileOutputHarness.NumberedEvent(1), FileOutputHarness.NumberedEvent(2), nested]);

        await h.Output.SendAsync(batch, CancellationToken.None);

        var events = FileOutputHarness.ReadEvents(h.BaseFile);
        Assert.Equal([1, 2, 3], events.Select(e => e.GetProperty("id").GetInt32()));
        Assert.All(events, e => Assert.Equal("2026-11-25T10:30:15.123Z", e.GetProperty("@timestamp").GetString()));
        Assert.Equal("hello", events[0].GetProperty("message").GetString());
        Assert.Equal("rené", events[2].GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(3, System.IO.File.ReadAllLines(h.BaseFile).Length);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(i)));
        Assert.Equal(new FileInfo(h.BaseFile).Length, h.Metrics.WriteBytes);
    }

    [Fact]
    public async Task Later_batches_are_appended_to_the_same_file()
    {
        await using var h = new FileOutputHarness();

        await h.SendAsync(0, 5);
        await h.SendAsync(5, 5);

        Assert.Equal(Enumerable.Range(0, 10), FileOutputHarness.ReadIds(h.BaseFile));
        Assert.Single(h.Files());
    }

    [Fact]
    public async Task Rotation_by_size_splits_no_line_and_loses_no_event()
    {
        await using var h = new FileOutputHarness(new FileOutputOptions { RotateEveryKb = 1, NumberOfFiles = 1024 });
        const int total = 3000;

        for (var first = 0; first < total; first += 250)
        {
            var batch = await h.SendAsync(first, 250);
            Assert.All(Enumerable.Range(0, batch.Count), i => Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(i)));
        }

        var files = h.Files();
        Assert.True(files.Count > 100, $"expected many rotations, got {files.Count} files");
        Assert.All(files, f => Assert.InRange(new FileInfo(f).Length, 1, 1024));
        var ids = files.SelectMany(FileOutputHarness.ReadIds).Order();
        Assert.Equal(Enumerable.Range(0, total), ids);
    }

    [Fact]
    public async Task Rotation_keeps_exactly_number_of_files_with_the_newest_events_in_the_base_file()
    {
        await using var h = new FileOutputHarness(new FileOutputOptions { RotateEveryKb = 1, NumberOfFiles = 3 });
        const int total = 500;

        for (var first = 0; first < total; first += 50)
        {
            await h.SendAsync(first, 50);
        }

        var files = h.Files();
        Assert.Equal([h.BaseFile, h.BaseFile + ".1", h.BaseFile + ".2"], files);
        var idsOldestFirst = files.Reverse().SelectMany(FileOutputHarness.ReadIds).ToList();
        Assert.Equal(total - 1, idsOldestFirst[^1]);
        Assert.Equal(Enumerable.Range(idsOldestFirst[0], idsOldestFirst.Count), idsOldestFirst);
    }

    [Fact]
    public async Task An_event_larger_than_the_rotation_size_is_written_whole()
    {
        await using var h = new FileOutputHarness(new FileOutputOptions { RotateEveryKb = 1 });

        await h.SendAsync(0, 3, message: new string('x', 3000));

        Assert.Equal([h.BaseFile, h.BaseFile + ".1", h.BaseFile + ".2"], h.Files());
        Assert.Equal([2], FileOutputHarness.ReadIds(h.BaseFile));
        Assert.Equal([0], FileOutputHarness.ReadIds(h.BaseFile + ".2"));
    }

    [Fact]
    public async Task A_non_empty_file_is_rotated_at_startup()
    {
        await using var h = new FileOutputHarness();
        await h.SendAsync(0, 2);

        await h.RestartAsync();
        await h.SendAsync(2, 1);

        Assert.Equal([2], FileOutputHarness.ReadIds(h.BaseFile));
        Assert.Equal([0, 1], FileOutputHarness.ReadIds(h.BaseFile + ".1"));
    }

    [Fact]
    public async Task Without_rotate_on_startup_a_restart_appends()
    {
        await using var h = new FileOutputHarness(new FileOutputOptions { RotateOnStartup = false });
        await h.SendAsync(0, 2);

        await h.RestartAsync();
        await h.SendAsync(2, 1);

        Assert.Equal([0, 1, 2], FileOutputHarness.ReadIds(h.BaseFile));
        Assert.Single(h.Files());
    }

    [Fact]
    public async Task Concurrent_senders_never_interleave_lines()
    {
        await using var h = new FileOutputHarness(new FileOutputOptions { RotateEveryKb = 4, NumberOfFiles = 1024 });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var b = 0; b < 25; b++)
            {
                await h.SendAsync((worker * 1000) + (b * 20), 20);
            }
        })));

        var ids = h.Files().SelectMany(FileOutputHarness.ReadIds).Order();
        var expected = Enumerable.Range(0, 4).SelectMany(w => Enumerable.Range(w * 1000, 500));
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Pretty_codec_indents_each_event()
    {
        var options = new FileOutputOptions();
        options.Codec.Json.Pretty = true;
        await using var h = new FileOutputHarness(options);

        await h.SendAsync(0, 2);

        var text = System.IO.File.ReadAllText(h.BaseFile);
        Assert.Contains("\n  \"id\": 0", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "\"<b>&</b>\"")]
    [InlineData(true, "\"\\u003Cb\\u003E\\u0026\\u003C/b\\u003E\"")]
    public async Task Escape_html_decides_how_markup_is_written(bool escapeHtml, string expected)
    {
        var options = new FileOutputOptions();
        options.Codec.Json.EscapeHtml = escapeHtml;
        await using var h = new FileOutputHarness(options);

        await h.SendAsync(0, 1, message: "<b>&</b>");

        Assert.Contains("\"message\":" + expected, System.IO.File.ReadAllText(h.BaseFile), StringComparison.Ordinal);
    }
}
