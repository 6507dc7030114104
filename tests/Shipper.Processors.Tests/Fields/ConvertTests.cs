using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Fields;

public sealed class ConvertTests : IDisposable
{
    private readonly Chain _chain = new();

    [Theory]
    [InlineData("integer", "42", 42)]
    [InlineData("integer", " -7 ", -7)]
    [InlineData("integer", "0x1f", 31)]
    [InlineData("long", "9000000000", 9000000000L)]
    [InlineData("double", "1.5", 1.5)]
    [InlineData("float", "2.5", 2.5f)]
    [InlineData("boolean", "T", true)]
    [InlineData("boolean", "false", false)]
    [InlineData("ip", "10.0.0.1", "10.0.0.1")]
    public void TextConvertsToTheRequestedType(string type, string text, object expected)
    {
        var processor = _chain.One($"processors:\n- convert: {{fields: [{{from: v, type: {type}}}]}}");

        var e = processor.Process(TestEvent.With(("v", text)))!;

        Assert.Equal(expected, e.Get("v"));
    }

    [Fact]
    public void NumbersAndBooleansConvertBetweenEachOtherAndToText()
    {
        var processor = _chain.One("processors:\n- convert:\n    fields:\n    - {from: d, type: integer}\n    - {from: i, type: string}\n    - {from: b, type: long}\n    - {from: n, type: boolean}");

        var e = processor.Process(TestEvent.With(("d", 3.9), ("i", 12), ("b", true), ("n", 0)))!;

        Assert.Equal(3, e.Get("d"));
        Assert.Equal("12", e.Get("i"));
        Assert.Equal(1L, e.Get("b"));
        Assert.Equal(false, e.Get("n"));
    }

    [Fact]
    public void ToWritesElsewhereAndRenameModeRemovesTheSource()
    {
        var copy = _chain.One("processors:\n- convert: {fields: [{from: s, to: n, type: integer}]}");
        var rename = _chain.One("processors:\n- convert: {mode: rename, fields: [{from: s, to: parsed.n, type: integer}]}");

        var copied = copy.Process(TestEvent.With(("s", "5")))!;
        var renamed = rename.Process(TestEvent.With(("s", "5")))!;

        Assert.Equal("5", copied.Get("s"));
        Assert.Equal(5, copied.Get("n"));
        Assert.False(renamed.Has("s"));
        Assert.Equal(5, renamed.Get("parsed.n"));
    }

    [Fact]
    public void AFailureLeavesEveryFieldAsItWasAndRecordsTheError()
    {
        var processor = _chain.One("processors:\n- convert: {fields: [{from: a, type: integer}, {from: b, type: integer}]}");

        var e = processor.Process(TestEvent.With(("a", "1"), ("b", "one")))!;

        Assert.Equal("1", e.Get("a"));
        Assert.Equal("one", e.Get("b"));
        Assert.Contains("cannot convert 'b' (text 'one') to integer", (string)e.Get("error.message")!, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutFailOnErrorTheGoodFieldsAreConverted()
    {
        var processor = _chain.One("processors:\n- convert: {fail_on_error: false, fields: [{from: a, type: integer}, {from: b, type: ip}, {from: c, type: integer}]}");

        var e = processor.Process(TestEvent.With(("a", "1"), ("b", "not-an-ip"), ("c", "99999999999")))!;

        Assert.Equal(1, e.Get("a"));
        Assert.Equal("not-an-ip", e.Get("b"));
        Assert.Equal("99999999999", e.Get("c"));
        Assert.False(e.Has("error"));
        Assert.Equal(2, _chain.Counter("processors.convert.errors"));
    }

    [Fact]
    public void MissingFieldsAreErrorsUnlessIgnored()
    {
        var strict = _chain.One("processors:\n- convert: {fields: [{from: gone, type: long}]}");
        var lenient = _chain.One("processors:\n- convert: {ignore_missing: true, fields: [{from: gone, type: long}]}");

        Assert.True(strict.Process(TestEvent.With())!.Has("error.message"));
        Assert.False(lenient.Process(TestEvent.With())!.Has("error.message"));
    }

    [Fact]
    public void AnUnknownTypeIsRejectedListingTheTypes()
    {
        var error = _chain.Fails("processors:\n- convert:\n    fields:\n    - {from: a, type: int}");

        Assert.Equal("processors.0.convert.fields.0.type", error.KeyPath);
        Assert.Contains("integer", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location?.Line);
    }

    public void Dispose() => _chain.Dispose();
}
