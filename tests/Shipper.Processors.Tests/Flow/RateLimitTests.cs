using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Flow;

public sealed class RateLimitTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void EventsAboveTheLimitAreDroppedAndCounted()
    {
        var processor = _chain.One("processors:\n- rate_limit: {limit: 3/s}");

        var passed = Enumerable.Range(0, 5).Count(_ => processor.Process(TestEvent.With()) is not null);

        Assert.Equal(3, passed);
        Assert.Equal(2, _chain.Counter("processors.rate_limit.dropped"));
    }

    [Fact]
    public void TokensComeBackWithTime()
    {
        var processor = _chain.One("processors:\n- rate_limit: {limit: 60/m}");
        for (var i = 0; i < 60; i++)
        {
            processor.Process(TestEvent.With());
        }

        Assert.Null(processor.Process(TestEvent.With()));
        _chain.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.NotNull(processor.Process(TestEvent.With()));
        Assert.NotNull(processor.Process(TestEvent.With()));
        Assert.Null(processor.Process(TestEvent.With()));
    }

    [Fact]
    public void EachCombinationOfFieldValuesHasItsOwnLimit()
    {
        var processor = _chain.One("processors:\n- rate_limit: {limit: 1/h, fields: [user.name, host.name]}");

        Assert.NotNull(processor.Process(TestEvent.With(("user.name", "a"), ("host.name", "h"))));
        Assert.Null(processor.Process(TestEvent.With(("user.name", "a"), ("host.name", "h"))));
        Assert.NotNull(processor.Process(TestEvent.With(("user.name", "b"), ("host.name", "h"))));
        Assert.NotNull(processor.Process(TestEvent.With(("host.name", "h"))));
    }

    [Fact]
    public void RefilledBucketsAreForgotten()
    {
        var processor = (Shipper.Processors.Standard.Flow.RateLimitProcessor)_chain.One("processors:\n- rate_limit: {limit: 10/s, fields: [k]}");
        for (var i = 0; i < 100; i++)
        {
            processor.Process(TestEvent.With(("k", i)));
        }

        _chain.Time.Advance(TimeSpan.FromMinutes(2));
        processor.Process(TestEvent.With(("k", "new")));

        Assert.Equal(1, processor.BucketCount);
    }

    [Fact]
    public void ConcurrentPublishersNeverGetMoreThanTheLimit()
    {
        var processor = _chain.One("processors:\n- rate_limit: {limit: 1000/h}");
        var passed = 0;

        Parallel.For(0, 4000, _ =>
        {
            if (processor.Process(TestEvent.With()) is not null)
            {
                Interlocked.Increment(ref passed);
            }
        });

        Assert.Equal(1000, passed);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("10/d")]
    [InlineData("0/s")]
    [InlineData("x/s")]
    public void ABadLimitIsRejected(string limit)
    {
        var error = _chain.Fails($"processors:\n- rate_limit: {{limit: '{limit}'}}");

        Assert.Contains("such as 100/s, 10000/m or 50000/h", error.Message, StringComparison.Ordinal);
        Assert.Equal("processors.0.rate_limit.limit", error.KeyPath);
    }

    [Fact]
    public void OnlyTheTokenBucketAlgorithmIsAccepted()
    {
        Assert.NotNull(_chain.One("processors:\n- rate_limit: {limit: 1/s, algorithm: {token_bucket: {}}}"));
        Assert.Contains("only 'token_bucket: {}'", _chain.Fails("processors:\n- rate_limit: {limit: 1/s, algorithm: {leaky: {}}}").Message, StringComparison.Ordinal);
    }

    public void Dispose() => _chain.Dispose();
}
