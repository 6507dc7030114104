using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Conditions;

public sealed class ContainsConditionTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void TextContainingTheValueMatches()
    {
        var condition = _chain.Condition("contains: {process.executable: /bin/}");

        Assert.True(condition.Matches(TestEvent.With(("process.executable", "/usr/bin/curl"))));
        Assert.False(condition.Matches(TestEvent.With(("process.executable", "/usr/sbin/sshd"))));
    }

    [Fact]
    public void AListMatchesWhenAnyElementContainsTheValue()
    {
        var condition = _chain.Condition("contains: {tags: prod}");

        Assert.True(condition.Matches(TestEvent.With(("tags", new List<string> { "eu", "production" }))));
        Assert.True(condition.Matches(TestEvent.With(("tags", new List<object?> { 1, "preprod" }))));
        Assert.False(condition.Matches(TestEvent.With(("tags", new List<string> { "eu", "staging" }))));
    }

    [Fact]
    public void NumbersAndMissingFieldsDoNotMatch()
    {
        var condition = _chain.Condition("contains: {code: \"20\"}");

        Assert.False(condition.Matches(TestEvent.With(("code", 200))));
        Assert.False(condition.Matches(TestEvent.With(("other", "200"))));
    }

    [Fact]
    public void AValueThatIsNotTextIsRejected()
    {
        var error = _chain.ConditionFails("contains: {code: 20}");

        Assert.Contains("contains looks for text, not a number", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _chain.Dispose();
}
