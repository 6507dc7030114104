using Shipper.Events;
using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Fields;

/// <summary>The pipeline shares frozen maps (agent.*, host.*, global fields) between events; processors must not change them.</summary>
public sealed class SharedMapTests : IDisposable
{
    private readonly Chain _chain = new();
    private readonly FieldMap _shared = new FieldMap()
        .Add("host", new FieldMap().Add("name", "h1").Add("os", new FieldMap().Add("type", "linux")))
        .Add("labels", new FieldMap().Add("env", "prod"))
        .Add("tags", new List<object?> { "global" })
        .Freeze();

    [Theory]
    [InlineData("- drop_fields: {fields: [host.os.type, host.name]}")]
    [InlineData("- rename: {fields: [{from: host.os.type, to: host.os.family}]}")]
    [InlineData("- add_fields: {target: host.os, fields: {version: x}}")]
    [InlineData("- add_labels: {labels: {team: a}}")]
    [InlineData("- add_tags: {tags: [mine]}")]
    [InlineData("- convert: {fields: [{from: host.name, type: string, to: host.os.name}]}")]
    [InlineData("- truncate_fields: {fields: [host.os.type], max_characters: 2}")]
    [InlineData("- add_process_metadata: {match_pids: [pid], target: host}")]
    public void ChangingASharedMapChangesOnlyTheEventsOwnCopy(string processor)
    {
        var processors = _chain.Build("processors:\n" + processor);
        var first = Shared();
        var second = Shared();

        var changed = Chain.Run(processors, first)!;

        Assert.Equal(0, _chain.Counter("libbeat.processors.errors"));
        Assert.Equal("linux", second.Get("host.os.type"));
        Assert.Equal("h1", second.Get("host.name"));
        Assert.Equal("prod", second.Get("labels.env"));
        Assert.Single((IList<object?>)second.Get("tags")!);
        Assert.Equal(2, ((FieldMap)_shared["host"]!).Count);
        Assert.NotNull(changed);
    }

    [Fact]
    public void HostMetadataMergesIntoACopyOfTheBuiltInHostMap()
    {
        var processor = _chain.One("processors:\n- add_host_metadata: {netinfo.enabled: false}");

        var e = processor.Process(Shared())!;

        Assert.Equal(Environment.MachineName, e.Get("host.hostname"));
        Assert.Equal("h1", ((FieldMap)((FieldMap)_shared["host"]!))["name"]);
        Assert.False(((FieldMap)_shared["host"]!).ContainsPath("hostname"));
    }

    public void Dispose() => _chain.Dispose();

    private Event Shared()
    {
        var e = TestEvent.With(("pid", Environment.ProcessId));
        e.Fields.DeepUpdate(_shared);
        return e;
    }
}
