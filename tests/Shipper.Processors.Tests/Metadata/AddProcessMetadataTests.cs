using System.Diagnostics;
using Shipper.Processors.Standard.Metadata;
using Shipper.Processors.Standard.Support;
using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Metadata;

public sealed class AddProcessMetadataTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void ARunningProcessIsDescribedFromProc()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            // Process.Start returns after fork; wait for the exec, so /proc shows sleep's own command line.
            Assert.True(
                SpinWait.SpinUntil(() => File.ReadAllText($"/proc/{child.Id}/cmdline").StartsWith("sleep\0", StringComparison.Ordinal), TimeSpan.FromSeconds(30)),
                "the child never showed sleep's command line");
            var processor = _chain.One("processors:\n- add_process_metadata: {match_pids: [process.pid]}");

            var e = processor.Process(TestEvent.With(("process.pid", child.Id)))!;

            Assert.Equal("sleep", e.Get("process.name"));
            Assert.EndsWith("/sleep", (string)e.Get("process.executable")!, StringComparison.Ordinal);
            Assert.Equal(["sleep", "30"], (List<string>)e.Get("process.args")!);
            Assert.Equal("sleep 30", e.Get("process.title"));
            Assert.Equal(Environment.ProcessId, e.Get("process.parent.pid"));
            Assert.Equal(Environment.UserName, e.Get("process.owner.name"));
            var started = (DateTimeOffset)e.Get("process.start_time")!;
            Assert.InRange(started, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
        }
        finally
        {
            child.Kill();
        }
    }

    [Fact]
    public void ThePidIsTakenFromTheFirstFieldThatHoldsOneAndExistingFieldsAreKept()
    {
        var processor = Create("match_pids: [process.ppid, process.pid]", Fake);

        var e = processor.Process(TestEvent.With(("process.pid", "42"), ("process.name", "from-audit")))!;

        Assert.Equal("from-audit", e.Get("process.name"));
        Assert.Equal("/usr/bin/fake", e.Get("process.executable"));
        Assert.Equal("abc", e.Get("container.id"));
    }

    [Fact]
    public void OverwriteKeysTargetAndIncludeFieldsShapeTheOutput()
    {
        var processor = Create("match_pids: [pid], overwrite_keys: true, target: meta, include_fields: [process.name, container.id]", Fake);

        var e = processor.Process(TestEvent.With(("pid", 42L), ("meta.process.name", "old")))!;

        Assert.Equal("fake", e.Get("meta.process.name"));
        Assert.Equal("abc", e.Get("meta.container.id"));
        Assert.False(e.Has("meta.process.executable"));
    }

    [Fact]
    public void LookupsAreCachedForTheTtlIncludingProcessesThatAreGone()
    {
        var reads = 0;
        var processor = Create("match_pids: [pid], cache.ttl: 10s", pid => { Interlocked.Increment(ref reads); return pid == 42 ? Fake(pid) : null; });

        for (var i = 0; i < 5; i++)
        {
            processor.Process(TestEvent.With(("pid", 42)));
            processor.Process(TestEvent.With(("pid", 7)));
        }

        Assert.Equal(2, reads);
        Assert.Equal(5, _chain.Counter("processors.add_process_metadata.not_found"));
        _chain.Time.Advance(TimeSpan.FromSeconds(11));
        processor.Process(TestEvent.With(("pid", 42)));
        Assert.Equal(3, reads);
    }

    [Fact]
    public void APidThatIsNotANumberIsAnErrorAndAMissingOneIsNotByDefault()
    {
        var processor = Create("match_pids: [pid]", Fake);
        var strict = Create("match_pids: [pid], ignore_missing: false", Fake);

        processor.Process(TestEvent.With(("pid", "abc")));
        processor.Process(TestEvent.With());
        Assert.Equal(1, _chain.Counter("processors.add_process_metadata.errors"));
        strict.Process(TestEvent.With());
        Assert.Equal(2, _chain.Counter("processors.add_process_metadata.errors"));
    }

    [Theory]
    [InlineData("0::/system.slice/docker-3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a.scope", "3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a")]
    [InlineData("12:memory:/docker/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("0::/kubepods.slice/kubepods-pod1.slice/cri-containerd-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.scope", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("0::/user.slice/user-0.slice/session-1.scope", null)]
    public void TheContainerIdComesFromTheCgroupPath(string cgroup, string? expected)
    {
        Assert.Equal(expected, ProcReader.ContainerId(cgroup));
    }

    [Fact]
    public void StatLinesWithSpacesAndParenthesesInTheCommandParse()
    {
        var (comm, parent, start) = ProcReader.ParseStat("1234 (my (odd) cmd) S 77 1234 1234 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 98765 1000 10 18446744073709551615");

        Assert.Equal("my (odd) cmd", comm);
        Assert.Equal(77, parent);
        Assert.Equal(98765, start);
    }

    [Fact]
    public void AnUnknownIncludedFieldIsRejected()
    {
        var error = _chain.Fails("processors:\n- add_process_metadata: {match_pids: [pid], include_fields: [process.nam]}");

        Assert.Equal("processors.0.add_process_metadata.include_fields.0", error.KeyPath);
        Assert.Contains("'process.nam' is not one of", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _chain.Dispose();

    private static ProcessInfo? Fake(int pid) =>
        new(pid, "fake", "/usr/bin/fake", ["fake", "-x"], 1, null, 0, "root", "abc");

    private AddProcessMetadataProcessor Create(string settings, Func<int, ProcessInfo?> read)
    {
        var root = _chain.Load($"processors:\n- add_process_metadata: {{{settings}}}").Root;
        var section = root.GetSection("processors.0.add_process_metadata")!;
        var context = new ProcessorContext(section, 0, _chain.Logs.CreateLogger("t"), _chain.Services);
        return new AddProcessMetadataProcessor(section.Bind<AddProcessMetadataOptions>(), new ProcessorSupport("add_process_metadata", context), read);
    }
}
