using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Flow;

public sealed class DropEventAndWhenTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void DropEventDropsOnlyWhatItsConditionMatches()
    {
        var processor = _chain.One("processors:\n- drop_event:\n    when:\n      equals: {event.action: heartbeat}");

        Assert.Null(processor.Process(TestEvent.With(("event.action", "heartbeat"))));
        Assert.NotNull(processor.Process(TestEvent.With(("event.action", "executed"))));
        Assert.NotNull(processor.Process(TestEvent.With()));
    }

    [Fact]
    public void DropEventWithoutAConditionDropsEverything()
    {
        Assert.Null(_chain.One("processors:\n- drop_event:").Process(TestEvent.With(("a", 1))));
    }

    [Fact]
    public void AnyProcessorTakesAWhenCondition()
    {
        var processor = _chain.One("processors:\n- add_tags:\n    tags: [root]\n    when: {equals: {user.name: root}}");

        Assert.True(processor.Process(TestEvent.With(("user.name", "root")))!.Has("tags"));
        Assert.False(processor.Process(TestEvent.With(("user.name", "bob")))!.Has("tags"));
    }

    [Fact]
    public void ABadConditionNamesTheProcessorPositionKeyAndLine()
    {
        var error = _chain.Fails("processors:\n- add_tags: {tags: [a]}\n- drop_event:\n    when:\n      regexp: {process.name: '(('}");

        Assert.Contains("processor #2 (drop_event)", error.Message, StringComparison.Ordinal);
        Assert.Equal("processors.1.drop_event.when.regexp.process.name", error.KeyPath);
        Assert.Equal(5, error.Location?.Line);
    }

    [Fact]
    public void AnUnknownProcessorIsRejectedWithItsPositionAndTheNamesAvailable()
    {
        var error = _chain.Fails("processors:\n- add_tags: {tags: [a]}\n- drop_feilds: {fields: [a]}");

        Assert.Contains("processor #2 (drop_feilds): unknown processor type 'drop_feilds'", error.Message, StringComparison.Ordinal);
        Assert.Contains("drop_fields", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Location?.Line);
    }

    [Fact]
    public void ASettingOfTheWrongTypeIsRejectedWithTheLine()
    {
        var error = _chain.Fails("processors:\n- drop_fields:\n    fields: message");

        Assert.Contains("processor #1 (drop_fields)", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a list", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Location?.Line);
    }

    public void Dispose() => _chain.Dispose();
}
