using Shipper.Events;
using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Fields;

public sealed class AddFieldsTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void FieldsGoUnderFieldsByDefault()
    {
        var processor = _chain.One("processors:\n- add_fields: {fields: {project: billing, team.id: 7}}");

        var e = processor.Process(TestEvent.With(("message", "x")))!;

        Assert.Equal("billing", e.Get("fields.project"));
        Assert.Equal(7, e.Get("fields.team.id"));
    }

    [Fact]
    public void ANestedTargetIsMergedIntoAndOverwritesExistingValues()
    {
        var processor = _chain.One("processors:\n- add_fields: {target: project, fields: {name: new, id: 2}}");

        var e = processor.Process(TestEvent.With(("project.name", "old"), ("project.owner", "ops")))!;

        Assert.Equal("new", e.Get("project.name"));
        Assert.Equal(2, e.Get("project.id"));
        Assert.Equal("ops", e.Get("project.owner"));
    }

    [Fact]
    public void AnEmptyTargetAddsAtTheTopAndMetadataGoesToMetadata()
    {
        var processors = _chain.Build("processors:\n- add_fields: {target: '', fields: {service.name: api}}\n- add_fields: {target: '@metadata', fields: {index: audit-x}}");

        var e = Chain.Run(processors, TestEvent.With(("service.type", "web")))!;

        Assert.Equal("api", e.Get("service.name"));
        Assert.Equal("web", e.Get("service.type"));
        Assert.Equal("audit-x", e.Metadata["index"]);
    }

    [Fact]
    public void TheAddedObjectsAreSharedFrozenAndAnEventThatChangesThemGetsItsOwnCopy()
    {
        var processors = _chain.Build("processors:\n- add_fields: {target: x, fields: {list: [a], inner: {k: v}}}\n- add_fields: {target: x.inner, fields: {k: changed}}");

        var changed = Chain.Run(processors, TestEvent.With())!;
        changed.Fields.Put("x.more", 1);
        var plain = processors[0].Process(TestEvent.With())!;

        Assert.Equal("changed", changed.Get("x.inner.k"));
        Assert.Equal("v", plain.Get("x.inner.k"));
        Assert.False(plain.Has("x.more"));
        Assert.True(((IList<object?>)plain.Get("x.list")!).IsReadOnly);
        Assert.Equal(["a"], (IList<object?>)plain.Get("x.list")!);
    }

    [Fact]
    public void AValueInTheWayOfTheTargetIsReplaced()
    {
        var processor = _chain.One("processors:\n- add_fields: {target: project, fields: {id: 1}}");

        var e = processor.Process(TestEvent.With(("project", "flat")))!;

        Assert.Equal(1, e.Get("project.id"));
    }

    [Fact]
    public void FieldsAreRequiredAndTheErrorNamesTheProcessorPositionAndLine()
    {
        var error = _chain.Fails("processors:\n- drop_event: {}\n- add_fields: {target: x}");

        Assert.StartsWith($"{_chain.FileName}:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("processor #2 (add_fields)", error.Message, StringComparison.Ordinal);
        Assert.Contains("fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownSettingIsRejectedWithASuggestion()
    {
        var error = _chain.Fails("processors:\n- add_fields:\n    fields: {a: 1}\n    traget: x");

        Assert.Contains("processor #1 (add_fields): unknown key 'traget'; did you mean 'target'?", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location?.Line);
        Assert.Equal("processors.0.add_fields.traget", error.KeyPath);
    }

    public void Dispose() => _chain.Dispose();
}
