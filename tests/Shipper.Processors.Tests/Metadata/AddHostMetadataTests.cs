using Shipper.Events;
using Shipper.Processors.Standard.Metadata;
using Shipper.Processors.Standard.Support;
using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Metadata;

public sealed class AddHostMetadataTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void TheRealHostIsDescribed()
    {
        var processor = _chain.One("processors:\n- add_host_metadata:");

        var e = processor.Process(TestEvent.With())!;

        Assert.Equal(Environment.MachineName, e.Get("host.hostname"));
        Assert.Equal(Environment.MachineName, e.Get("host.name"));
        Assert.Equal("linux", e.Get("host.os.type"));
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), e.Get("host.os.kernel"));
        Assert.Contains(e.Get("host.architecture") as string, new[] { "x86_64", "aarch64" });
        Assert.IsType<List<string>>(e.Get("host.ip"));
        Assert.IsType<List<string>>(e.Get("host.mac"));
        Assert.DoesNotContain("127.0.0.1", (List<string>)e.Get("host.ip")!);
    }

    [Fact]
    public void NameAndNetinfoCanBeSet()
    {
        var processor = _chain.One("processors:\n- add_host_metadata: {name: web-01, netinfo.enabled: false}");

        var e = processor.Process(TestEvent.With())!;

        Assert.Equal("web-01", e.Get("host.name"));
        Assert.False(e.Has("host.ip"));
    }

    [Fact]
    public async Task DataIsReadAgainOffThePublishingPathAfterTheTtl()
    {
        var reads = 0;
        var processor = Create("cache.ttl: 1m", () => new FieldMap().Add("name", "read-" + Interlocked.Increment(ref reads)));

        Assert.Equal("read-1", processor.Process(TestEvent.With())!.Get("host.name"));
        _chain.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("read-1", processor.Process(TestEvent.With())!.Get("host.name"));
        _chain.Time.Advance(TimeSpan.FromSeconds(2));
        processor.Process(TestEvent.With());
        await processor.Refreshed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("read-2", processor.Process(TestEvent.With())!.Get("host.name"));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task AFailedRefreshKeepsThePreviousDataAndIsCounted()
    {
        var first = true;
        var processor = Create("cache.ttl: 1s", () => first ? new FieldMap().Add("name", "ok") : throw new IOException("gone"));
        first = false;
        _chain.Time.Advance(TimeSpan.FromSeconds(2));

        processor.Process(TestEvent.With());
        await processor.Refreshed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("ok", processor.Process(TestEvent.With())!.Get("host.name"));
        Assert.Equal(1, _chain.Counter("processors.add_host_metadata.errors"));
    }

    [Fact]
    public void ReplaceFieldsDecidesWhetherExistingHostFieldsWin()
    {
        var replace = Create(string.Empty, () => new FieldMap().Add("name", "new").Add("os", new FieldMap().Add("type", "linux")));
        var keep = Create("replace_fields: false", () => new FieldMap().Add("name", "new").Add("os", new FieldMap().Add("type", "linux")));

        var replaced = replace.Process(TestEvent.With(("host.name", "old"), ("host.id", "x")))!;
        var kept = keep.Process(TestEvent.With(("host.name", "old"), ("host.id", "x")))!;
        var onlyName = keep.Process(TestEvent.With(("host.name", "old")))!;

        Assert.Equal("new", replaced.Get("host.name"));
        Assert.Equal("x", replaced.Get("host.id"));
        Assert.Equal("old", kept.Get("host.name"));
        Assert.False(kept.Has("host.os"));
        Assert.Equal("linux", onlyName.Get("host.os.type"));
    }

    [Fact]
    public void EventsDoNotShareTheCachedLists()
    {
        var processor = Create(string.Empty, () => new FieldMap().Add("ip", new List<string> { "10.0.0.1" }));

        ((List<string>)processor.Process(TestEvent.With())!.Get("host.ip")!).Add("changed");

        Assert.Equal(["10.0.0.1"], (List<string>)processor.Process(TestEvent.With())!.Get("host.ip")!);
    }

    [Fact]
    public void ANonPositiveTtlIsRejected()
    {
        Assert.Contains("must be a positive duration", _chain.Fails("processors:\n- add_host_metadata: {cache.ttl: 0s}").Message, StringComparison.Ordinal);
    }

    public void Dispose() => _chain.Dispose();

    private AddHostMetadataProcessor Create(string settings, Func<FieldMap> read)
    {
        var root = _chain.Load($"processors:\n- add_host_metadata: {{{settings}}}").Root;
        var section = root.GetSection("processors.0.add_host_metadata")!;
        var context = new ProcessorContext(section, 0, _chain.Logs.CreateLogger("t"), _chain.Services);
        return new AddHostMetadataProcessor(section.Bind<AddHostMetadataOptions>(), new ProcessorSupport("add_host_metadata", context), read);
    }
}
