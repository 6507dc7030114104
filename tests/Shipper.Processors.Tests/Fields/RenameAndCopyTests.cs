using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Fields;

public sealed class RenameAndCopyTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void RenameMovesFieldsInOrderIntoNestedTargets()
    {
        var processor = _chain.One("processors:\n- rename:\n    fields:\n    - {from: a, to: b.c}\n    - {from: b.c, to: d}");

        var e = processor.Process(TestEvent.With(("a", 1)))!;

        Assert.False(e.Has("a"));
        Assert.Equal(1, e.Get("d"));
    }

    [Fact]
    public void AFailedRenameUndoesTheEarlierOnesAndRecordsTheError()
    {
        var processor = _chain.One("processors:\n- rename:\n    fields:\n    - {from: a, to: x}\n    - {from: missing, to: y}");

        var e = processor.Process(TestEvent.With(("a", 1)))!;

        Assert.Equal(1, e.Get("a"));
        Assert.False(e.Has("x"));
        Assert.Contains("cannot rename 'missing'", (string)e.Get("error.message")!, StringComparison.Ordinal);
        Assert.Equal(1, _chain.Counter("processors.rename.errors"));
    }

    [Fact]
    public void AnExistingTargetIsAnErrorAndIsNotOverwritten()
    {
        var processor = _chain.One("processors:\n- rename: {fields: [{from: a, to: b}]}");

        var e = processor.Process(TestEvent.With(("a", 1), ("b", 2)))!;

        Assert.Equal(1, e.Get("a"));
        Assert.Equal(2, e.Get("b"));
        Assert.Contains("the target exists", (string)e.Get("error.message")!, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutFailOnErrorTheFailedPairIsSkippedAndTheRestApplies()
    {
        var processor = _chain.One("processors:\n- rename: {fail_on_error: false, fields: [{from: missing, to: x}, {from: a, to: b}]}");

        var e = processor.Process(TestEvent.With(("a", 1)))!;

        Assert.Equal(1, e.Get("b"));
        Assert.False(e.Has("error"));
        Assert.Equal(1, _chain.Counter("processors.rename.errors"));
    }

    [Fact]
    public void IgnoreMissingSkipsMissingSourcesWithoutAnError()
    {
        var processor = _chain.One("processors:\n- rename: {ignore_missing: true, fields: [{from: missing, to: x}, {from: a, to: b}]}");

        var e = processor.Process(TestEvent.With(("a", 1), ("x", "untouched")))!;

        Assert.Equal(1, e.Get("b"));
        Assert.Equal("untouched", e.Get("x"));
        Assert.Equal(0, _chain.Counter("processors.rename.errors"));
    }

    [Fact]
    public void AnIncompletePairIsRejectedWithItsLine()
    {
        var error = _chain.Fails("processors:\n- rename:\n    fields:\n    - {from: a}");

        Assert.Equal("processors.0.rename.fields.0.to", error.KeyPath);
        Assert.Contains("processor #1 (rename)", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location?.Line);
    }

    [Fact]
    public void CopyFieldsMakesAnIndependentDeepCopy()
    {
        var processor = _chain.One("processors:\n- copy_fields: {fields: [{from: process, to: backup.process}]}");

        var e = processor.Process(TestEvent.With(("process.name", "sh"), ("process.args", new List<string> { "sh" })))!;
        e.Fields.Put("process.name", "changed");
        ((List<string>)e.Get("process.args")!).Add("-c");

        Assert.Equal("sh", e.Get("backup.process.name"));
        Assert.Equal(["sh"], (List<string>)e.Get("backup.process.args")!);
    }

    [Fact]
    public void AFailedCopyRemovesTheCopiesAlreadyMadeButNotFieldsThatWereThere()
    {
        var processor = _chain.One("processors:\n- copy_fields: {ignore_missing: true, fields: [{from: gone, to: kept}, {from: a, to: b}, {from: a, to: c}]}");

        var e = processor.Process(TestEvent.With(("a", 1), ("kept", "mine"), ("c", "exists")))!;

        Assert.False(e.Has("b"));
        Assert.Equal("mine", e.Get("kept"));
        Assert.Equal("exists", e.Get("c"));
        Assert.Contains("cannot copy 'a' to 'c'", (string)e.Get("error.message")!, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoFailuresOnOneEventAreBothRecorded()
    {
        var processors = _chain.Build("processors:\n- rename: {fields: [{from: x, to: y}]}\n- copy_fields: {fields: [{from: x, to: y}]}");

        var e = Chain.Run(processors, TestEvent.With())!;

        Assert.Equal(2, ((List<object?>)e.Get("error.message")!).Count);
    }

    public void Dispose() => _chain.Dispose();
}
