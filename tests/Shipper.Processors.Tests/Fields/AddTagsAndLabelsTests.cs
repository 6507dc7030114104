using Shipper.Events;
using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Fields;

public sealed class AddTagsAndLabelsTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void TagsAreAppendedWithoutDuplicates()
    {
        var processor = _chain.One("processors:\n- add_tags: {tags: [web, prod]}");

        var e = processor.Process(TestEvent.With(("tags", new List<string> { "prod", "eu" })))!;

        Assert.Equal(["prod", "eu", "web"], (List<string>)e.Get("tags")!);
    }

    [Fact]
    public void TagsGoToANewListOrATargetAndASingleTextBecomesTheFirstTag()
    {
        var processors = _chain.Build("processors:\n- add_tags: {tags: [a]}\n- add_tags: {tags: [b], target: meta.labels}");

        var fresh = Chain.Run(processors, TestEvent.With())!;
        var single = Chain.Run(processors, TestEvent.With(("tags", "old")))!;

        Assert.Equal(["a"], (List<string>)fresh.Get("tags")!);
        Assert.Equal(["b"], (List<string>)fresh.Get("meta.labels")!);
        Assert.Equal(["old", "a"], (List<string>)single.Get("tags")!);
    }

    [Fact]
    public void AnObjectWhereTheTagsGoIsAnErrorThatKeepsTheEvent()
    {
        var processor = _chain.One("processors:\n- add_tags: {tags: [a]}");

        var e = processor.Process(TestEvent.With(("tags.inner", 1)));

        Assert.NotNull(e);
        Assert.Equal(1, e.Get("tags.inner"));
        Assert.Equal(1, _chain.Counter("processors.add_tags.errors"));
        Assert.Equal(1, _chain.Counter("libbeat.processors.errors"));
    }

    [Fact]
    public void EmptyTagsAreRejected()
    {
        Assert.Contains("tags", _chain.Fails("processors:\n- add_tags: {tags: []}").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsAreFlattenedToOneLevelOfDottedKeys()
    {
        var processor = _chain.One("""
            processors:
            - add_labels:
                labels:
                  number: 1
                  with.dots: test
                  nested: {with.dots: nested}
                  array: [do, re, {with.field: mi}]
            """);

        var e = processor.Process(TestEvent.With(("labels.existing", "kept")))!;
        var labels = (FieldMap)e.Get("labels")!;

        Assert.Equal(1, labels["number"]);
        Assert.Equal("test", labels["with.dots"]);
        Assert.Equal("nested", labels["nested.with.dots"]);
        Assert.Equal("do", labels["array.0"]);
        Assert.Equal("mi", labels["array.2.with.field"]);
        Assert.Equal("kept", labels["existing"]);
    }

    public void Dispose() => _chain.Dispose();
}
