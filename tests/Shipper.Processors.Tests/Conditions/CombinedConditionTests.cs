using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Conditions;

public sealed class CombinedConditionTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void HasFieldsNeedsEveryFieldAndANullValueCounts()
    {
        var condition = _chain.Condition("has_fields: [user.name, process.parent.pid]");

        Assert.True(condition.Matches(TestEvent.With(("user.name", "root"), ("process.parent.pid", null))));
        Assert.False(condition.Matches(TestEvent.With(("user.name", "root"))));
    }

    [Fact]
    public void AndOrAndNotCombineConditions()
    {
        var condition = _chain.Condition("""
            and:
              - equals: {event.module: auditd}
              - or:
                  - equals: {user.name: root}
                  - has_fields: [user.effective.name]
              - not: {contains: {process.executable: /usr/lib/}}
            """);

        Assert.True(condition.Matches(TestEvent.With(("event.module", "auditd"), ("user.name", "root"), ("process.executable", "/bin/sh"))));
        Assert.True(condition.Matches(TestEvent.With(("event.module", "auditd"), ("user.effective.name", "x"))));
        Assert.False(condition.Matches(TestEvent.With(("event.module", "auditd"), ("user.name", "bob"))));
        Assert.False(condition.Matches(TestEvent.With(("event.module", "auditd"), ("user.name", "root"), ("process.executable", "/usr/lib/x"))));
        Assert.False(condition.Matches(TestEvent.With(("event.module", "file"), ("user.name", "root"))));
    }

    [Fact]
    public void AnUnknownConditionIsRejectedWithASuggestion()
    {
        var error = _chain.ConditionFails("equal: {a: 1}");

        Assert.Contains("unknown key 'equal'; did you mean 'equals'?", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location?.Line);
    }

    [Fact]
    public void TwoConditionsInOneBlockAreRejected()
    {
        var error = _chain.ConditionFails("equals: {a: 1}\ncontains: {b: x}");

        Assert.Contains("a condition block holds one condition, found equals, contains", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Location?.Line);
    }

    [Fact]
    public void EmptyCombinatorsAreRejected()
    {
        Assert.Contains("'and' takes a list", _chain.ConditionFails("and: []").Message, StringComparison.Ordinal);
        var not = _chain.ConditionFails("not:").Message;
        Assert.Contains("'processors.0.drop_event.when.not': a condition is a block with one of", not, StringComparison.Ordinal);
        Assert.Contains("has_fields needs a list", _chain.ConditionFails("has_fields: []").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsInsideCombinatorsPointAtTheInnerKey()
    {
        var error = _chain.ConditionFails("or:\n  - equals: {a: 1}\n  - regexp: {b: '('}");

        Assert.Equal("processors.0.drop_event.when.or.1.regexp.b", error.KeyPath);
        Assert.Equal(6, error.Location?.Line);
    }

    public void Dispose() => _chain.Dispose();
}
