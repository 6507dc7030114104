using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Fields;

public sealed class TruncateFieldsTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void LongTextIsCutToMaxCharactersAndFlagged()
    {
        var processor = _chain.One("processors:\n- truncate_fields: {fields: [message, process.title], max_characters: 5}");

        var e = processor.Process(TestEvent.With(("message", "0123456789"), ("process.title", "short")))!;

        Assert.Equal("01234", e.Get("message"));
        Assert.Equal("short", e.Get("process.title"));
        Assert.Equal(["truncated"], (List<string>)e.Get("log.flags")!);
    }

    [Fact]
    public void MaxBytesNeverSplitsACharacter()
    {
        var processor = _chain.One("processors:\n- truncate_fields: {fields: [m], max_bytes: 4}");

        var e = processor.Process(TestEvent.With(("m", "aé€x")))!;

        Assert.Equal("aé", e.Get("m"));
    }

    [Fact]
    public void TextThatFitsIsNotFlagged()
    {
        var processor = _chain.One("processors:\n- truncate_fields: {fields: [m], max_bytes: 10}");

        var e = processor.Process(TestEvent.With(("m", "éé")))!;

        Assert.Equal("éé", e.Get("m"));
        Assert.False(e.Has("log.flags"));
    }

    [Fact]
    public void ANumberIsAnErrorAndEarlierCutsAreUndone()
    {
        var processor = _chain.One("processors:\n- truncate_fields: {fields: [a, n], max_characters: 1}");

        var e = processor.Process(TestEvent.With(("a", "long"), ("n", 12345)))!;

        Assert.Equal("long", e.Get("a"));
        Assert.Contains("cannot truncate 'n': it holds a number, not text", (string)e.Get("error.message")!, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFieldsAreErrorsUnlessIgnored()
    {
        var strict = _chain.One("processors:\n- truncate_fields: {fields: [gone], max_characters: 1}");
        var lenient = _chain.One("processors:\n- truncate_fields: {fields: [gone], max_characters: 1, ignore_missing: true}");

        Assert.True(strict.Process(TestEvent.With())!.Has("error.message"));
        Assert.False(lenient.Process(TestEvent.With())!.Has("error.message"));
    }

    [Fact]
    public void ExactlyOneLimitMustBeSet()
    {
        Assert.Contains("set exactly one of max_bytes and max_characters", _chain.Fails("processors:\n- truncate_fields: {fields: [a]}").Message, StringComparison.Ordinal);
        Assert.Contains("set exactly one", _chain.Fails("processors:\n- truncate_fields: {fields: [a], max_bytes: 1, max_characters: 1}").Message, StringComparison.Ordinal);
        Assert.Contains("must be at least 1", _chain.Fails("processors:\n- truncate_fields: {fields: [a], max_bytes: 0}").Message, StringComparison.Ordinal);
    }

    public void Dispose() => _chain.Dispose();
}
