using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Conditions;

public sealed class RangeConditionTests : IDisposable
{
    private readonly Chain _chain = new();

    [Theory]
    [InlineData(399, false)]
    [InlineData(400, true)]
    [InlineData(499, true)]
    [InlineData(500, false)]
    public void EveryBoundMustHold(int status, bool expected)
    {
        var condition = _chain.Condition("range: {http.response.status_code.gte: 400, http.response.status_code.lt: 500}");

        Assert.Equal(expected, condition.Matches(TestEvent.With(("http.response.status_code", status))));
    }

    [Fact]
    public void StrictAndInclusiveBoundsDiffer()
    {
        var gt = _chain.Condition("range: {n.gt: 1.5}");
        var lte = _chain.Condition("range: {n.lte: 1.5}");

        Assert.False(gt.Matches(TestEvent.With(("n", 1.5))));
        Assert.True(gt.Matches(TestEvent.With(("n", 2L))));
        Assert.True(lte.Matches(TestEvent.With(("n", 1.5f))));
    }

    [Fact]
    public void NumericTextIsReadAsANumberAndOtherTextDoesNotMatch()
    {
        var condition = _chain.Condition("range: {auditd.data.exit.lt: 0}");

        Assert.True(condition.Matches(TestEvent.With(("auditd.data.exit", "-13"))));
        Assert.False(condition.Matches(TestEvent.With(("auditd.data.exit", "EACCES"))));
        Assert.False(condition.Matches(TestEvent.With(("auditd.data", "x"))));
    }

    [Fact]
    public void AKeyWithoutAnOperatorIsRejected()
    {
        var error = _chain.ConditionFails("range: {http.response.status_code: 400}");

        Assert.Contains("range keys end in .lt, .lte, .gt or .gte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABoundThatIsNotANumberIsRejected()
    {
        var error = _chain.ConditionFails("range: {n.gte: many}");

        Assert.Contains("range bounds are numbers, not text", error.Message, StringComparison.Ordinal);
        Assert.Equal("processors.0.drop_event.when.range.n.gte", error.KeyPath);
    }

    public void Dispose() => _chain.Dispose();
}
