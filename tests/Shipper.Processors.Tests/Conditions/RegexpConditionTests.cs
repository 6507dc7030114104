using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Conditions;

public sealed class RegexpConditionTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void ThePatternMatchesAnywhereUnlessAnchored()
    {
        var anywhere = _chain.Condition("regexp: {process.name: 'ss?h'}");
        var anchored = _chain.Condition("regexp: {process.name: '^sshd$'}");

        Assert.True(anywhere.Matches(TestEvent.With(("process.name", "openssh-server"))));
        Assert.True(anchored.Matches(TestEvent.With(("process.name", "sshd"))));
        Assert.False(anchored.Matches(TestEvent.With(("process.name", "sshd-session"))));
    }

    [Fact]
    public void ListsMatchWhenAnElementMatchesAndOtherTypesNever()
    {
        var condition = _chain.Condition("regexp: {process.args: '^--password'}");

        Assert.True(condition.Matches(TestEvent.With(("process.args", new List<string> { "mysql", "--password=x" }))));
        Assert.False(condition.Matches(TestEvent.With(("process.args", 5))));
        Assert.False(condition.Matches(TestEvent.With(("process.title", "--password"))));
    }

    [Fact]
    public void ABadPatternIsRejectedWithTheKeyAndLine()
    {
        var error = _chain.ConditionFails("regexp:\n  process.name: '[unclosed'");

        Assert.Contains("invalid regular expression '[unclosed'", error.Message, StringComparison.Ordinal);
        Assert.Equal("processors.0.drop_event.when.regexp.process.name", error.KeyPath);
        Assert.Equal(5, error.Location?.Line);
    }

    [Fact]
    public void BackreferencesAreRejectedAsRe2DoesNotHaveThem()
    {
        var error = _chain.ConditionFails(@"regexp: {a: '(x)\1'}");

        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _chain.Dispose();
}
