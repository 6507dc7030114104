using System.Text.Json;
using Shipper.Outputs.File;

namespace Shipper.Outputs.Tests.File;

public sealed partial class FileOutputTests
{
    [Fact]
    public async Task A_full_disk_marks_the_batch_for_retry_and_acknowledges_nothing()
    {
        await using var h = OverDevFull();

        var batch = await h.SendAsync(0, 10);

        Assert.All(Enumerable.Range(0, batch.Count), i => Assert.Equal(EventOutcome.Retry, batch.OutcomeOf(i)));
        Assert.Contains(h.BaseFile, batch.ReasonOf(0), StringComparison.Ordinal);
        Assert.Equal(1, h.Metrics.WriteErrors);
    }

    [Fact]
    public async Task After_a_failure_the_retried_batch_is_written_once_the_disk_recovers()
    {
        await using var h = OverDevFull();
        await h.SendAsync(0, 10);

        System.IO.File.Delete(h.BaseFile);
        var retried = await h.SendAsync(0, 10);

        Assert.All(Enumerable.Range(0, retried.Count), i => Assert.Equal(EventOutcome.Acknowledged, retried.OutcomeOf(i)));
        Assert.Equal(Enumerable.Range(0, 10), FileOutputHarness.ReadIds(h.BaseFile));
    }

    [Fact]
    public async Task A_failed_rotation_retries_only_the_events_not_yet_in_a_synced_file()
    {
        await using var h = new FileOutputHarness(new FileOutputOptions { RotateEveryKb = 1, NumberOfFiles = 2 });
        Directory.CreateDirectory(h.BaseFile + ".1/blocker"); // renaming the full file onto it fails

        var batch = await h.SendAsync(0, 50);

        var acknowledged = Enumerable.Range(0, 50).Where(i => batch.OutcomeOf(i) == EventOutcome.Acknowledged).ToList();
        var retried = Enumerable.Range(0, 50).Where(i => batch.OutcomeOf(i) == EventOutcome.Retry).ToList();
        Assert.NotEmpty(acknowledged);
        Assert.Equal(acknowledged, FileOutputHarness.ReadIds(h.BaseFile));
        Assert.Equal(Enumerable.Range(acknowledged.Count, 50 - acknowledged.Count), retried);
        Assert.Equal(1, h.Metrics.WriteErrors);
    }

    [Fact]
    public async Task A_folder_that_cannot_be_created_marks_the_batch_for_retry()
    {
        await using var h = new FileOutputHarness(folder: "not-a-folder/out");
        h.BlockFolderWithFile("not-a-folder");

        var batch = await h.SendAsync(0, 3);

        Assert.All(Enumerable.Range(0, batch.Count), i => Assert.Equal(EventOutcome.Retry, batch.OutcomeOf(i)));
        Assert.Equal(1, h.Metrics.WriteErrors);
    }

    [Fact]
    public async Task Events_that_cannot_be_encoded_are_dropped_and_the_rest_written()
    {
        await using var h = new FileOutputHarness();
        var bad = FileOutputHarness.NumberedEvent(1);
        bad.Fields["broken"] = default(JsonElement); // an undefined element refuses to be written
        var batch = new OutputBatch([FileOutputHarness.NumberedEvent(0), bad, FileOutputHarness.NumberedEvent(2)]);

        await h.Output.SendAsync(batch, CancellationToken.None);

        Assert.Equal(EventOutcome.Dropped, batch.OutcomeOf(1));
        Assert.Equal([0, 2], FileOutputHarness.ReadIds(h.BaseFile));
    }

    [Fact]
    public async Task Test_reports_the_folder_and_succeeds_when_it_can_be_written()
    {
        await using var h = new FileOutputHarness();
        using var report = new StringWriter();

        var ok = await h.Output.TestAsync(report, CancellationToken.None);

        Assert.True(ok, report.ToString());
        Assert.Contains(h.BaseFile, report.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(h.Folder));
    }

    [Fact]
    public async Task Test_fails_with_the_reason_when_the_folder_cannot_be_created()
    {
        await using var h = new FileOutputHarness(folder: "not-a-folder/out");
        h.BlockFolderWithFile("not-a-folder");
        using var report = new StringWriter();

        var ok = await h.Output.TestAsync(report, CancellationToken.None);

        Assert.False(ok);
        Assert.Contains(h.Folder, report.ToString(), StringComparison.Ordinal);
        Assert.Contains("ERROR", report.ToString(), StringComparison.Ordinal);
    }

    // Every write fails with ENOSPC. Startup rotation is off, or it would move the link out of the way.
    private static FileOutputHarness OverDevFull()
    {
        var h = new FileOutputHarness(new FileOutputOptions { RotateOnStartup = false });
        Directory.CreateDirectory(h.Folder);
        System.IO.File.CreateSymbolicLink(h.BaseFile, "/dev/full");
        return h;
    }
}
