using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Conditions;

public sealed class EqualsConditionTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void TextMatchesExactlyAndCaseSensitively()
    {
        var condition = _chain.Condition("equals: {event.action: executed}");

        Assert.True(condition.Matches(TestEvent.With(("event.action", "executed"))));
        Assert.False(condition.Matches(TestEvent.With(("event.action", "Executed"))));
        Assert.False(condition.Matches(TestEvent.With(("event.action", "executed-twice"))));
    }

    [Fact]
    public void NumbersMatchWhateverTheirClrType()
    {
        var condition = _chain.Condition("equals: {process.pid: 42}");

        Assert.True(condition.Matches(TestEvent.With(("process.pid", 42))));
        Assert.True(condition.Matches(TestEvent.With(("process.pid", 42L))));
        Assert.True(condition.Matches(TestEvent.With(("process.pid", 42u))));
        Assert.True(condition.Matches(TestEvent.With(("process.pid", 42.0))));
        Assert.False(condition.Matches(TestEvent.With(("process.pid", 43))));
    }

    [Fact]
    public void ATypeMismatchDoesNotMatch()
    {
        var number = _chain.Condition("equals: {code: 200}");
        var text = _chain.Condition("equals: {code: \"200\"}");

        Assert.False(number.Matches(TestEvent.With(("code", "200"))));
        Assert.False(text.Matches(TestEvent.With(("code", 200))));
        Assert.True(text.Matches(TestEvent.With(("code", "200"))));
    }

    [Fact]
    public void BooleansMatchBooleans()
    {
        var condition = _chain.Condition("equals: {auditd.success: false}");

        Assert.True(condition.Matches(TestEvent.With(("auditd.success", false))));
        Assert.False(condition.Matches(TestEvent.With(("auditd.success", true))));
        Assert.False(condition.Matches(TestEvent.With(("auditd.success", "false"))));
    }

    [Fact]
    public void AMissingFieldDoesNotMatch()
    {
        var condition = _chain.Condition("equals: {user.name: root}");

        Assert.False(condition.Matches(TestEvent.With(("user.id", "0"))));
        Assert.False(condition.Matches(TestEvent.With(("user", "root"))));
    }

    [Fact]
    public void EveryFieldMustMatchAndNestedPathsAreFollowed()
    {
        var condition = _chain.Condition("equals: {user.name: root, process.parent.name: sshd}");

        Assert.True(condition.Matches(TestEvent.With(("user.name", "root"), ("process.parent.name", "sshd"))));
        Assert.False(condition.Matches(TestEvent.With(("user.name", "root"), ("process.parent.name", "bash"))));
    }

    [Fact]
    public void AKeyWrittenWithDotsAtTheTopOfTheEventIsFound()
    {
        var condition = _chain.Condition("equals: {user.name: root}");
        var flat = new Shipper.Events.Event(TestEvent.Time);
        flat.Fields["user.name"] = "root";

        Assert.True(condition.Matches(flat));
    }

    [Fact]
    public void AListOrObjectAsTheValueIsRejectedWithTheLine()
    {
        var error = _chain.ConditionFails("equals: {user.name: [a, b]}");

        Assert.Contains("equals compares with text, a number or true/false, not a list", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location?.Line);
        Assert.Equal("processors.0.drop_event.when.equals.user.name", error.KeyPath);
    }

    public void Dispose() => _chain.Dispose();
}
