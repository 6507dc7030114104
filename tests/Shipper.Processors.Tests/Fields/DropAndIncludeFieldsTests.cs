using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Fields;

public sealed class DropAndIncludeFieldsTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void DropFieldsRemovesNestedAndTopLevelFields()
    {
        var processor = _chain.One("processors:\n- drop_fields: {fields: [process.args, message]}");

        var e = processor.Process(TestEvent.With(("process.args", new List<string> { "a" }), ("process.name", "sh"), ("message", "m")))!;

        Assert.False(e.Has("process.args"));
        Assert.False(e.Has("message"));
        Assert.Equal("sh", e.Get("process.name"));
    }

    [Fact]
    public void AMissingFieldIsAnErrorButTheOthersAreStillDropped()
    {
        var processor = _chain.One("processors:\n- drop_fields: {fields: [nope, message]}");

        var e = processor.Process(TestEvent.With(("message", "m"), ("keep", 1)));

        Assert.NotNull(e);
        Assert.False(e.Has("message"));
        Assert.Equal(1, _chain.Counter("processors.drop_fields.errors"));
        Assert.Contains(_chain.Logs.Entries, l => l.Message.Contains("cannot drop 'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public void IgnoreMissingMakesAMissingFieldNoError()
    {
        var processor = _chain.One("processors:\n- drop_fields: {fields: [a.b.c], ignore_missing: true}");

        processor.Process(TestEvent.With(("a.b", "not a map")));

        Assert.Equal(0, _chain.Counter("processors.drop_fields.errors"));
    }

    [Fact]
    public void ErrorsAreLoggedAtMostOnceInTenSecondsWithTheCountOfTheRest()
    {
        var processor = _chain.One("processors:\n- drop_fields: {fields: [nope]}");

        for (var i = 0; i < 5; i++)
        {
            processor.Process(TestEvent.With());
        }

        _chain.Time.Advance(TimeSpan.FromSeconds(11));
        processor.Process(TestEvent.With());

        var lines = _chain.Logs.Entries.Where(l => l.Message.Contains("cannot drop", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("(4 more not logged", lines[1].Message, StringComparison.Ordinal);
        Assert.Equal(6, _chain.Counter("processors.drop_fields.errors"));
    }

    [Fact]
    public void IncludeFieldsKeepsOnlyTheListedFieldsWithTheirNesting()
    {
        var processor = _chain.One("processors:\n- include_fields: {fields: [process.name, user, missing.field]}");
        var original = TestEvent.With(("process.name", "sh"), ("process.pid", 1), ("user.id", "0"), ("user.name", "root"), ("message", "m"));
        original.Metadata["index"] = "x";

        var e = processor.Process(original)!;

        Assert.Equal("sh", e.Get("process.name"));
        Assert.False(e.Has("process.pid"));
        Assert.Equal("root", e.Get("user.name"));
        Assert.False(e.Has("message"));
        Assert.False(e.Has("missing"));
        Assert.Equal("x", e.Metadata["index"]);
        Assert.Equal(TestEvent.Time, e.Timestamp);
    }

    public void Dispose() => _chain.Dispose();
}
