using Shipper.Events;
using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Flow;

public sealed class IfThenElseTests : IDisposable
{
    private const string Config = """
        processors:
        - if:
            equals: {user.name: root}
          then:
          - add_tags: {tags: [privileged]}
          - drop_fields: {fields: [process.args], ignore_missing: true}
          else:
          - add_tags: {tags: [unprivileged]}
        """;

    private readonly Chain _chain = new();

    [Fact]
    public void ThenRunsForMatchingEventsAndElseForTheOthers()
    {
        var processor = _chain.One(Config);

        var root = processor.Process(TestEvent.With(("user.name", "root"), ("process.args", new List<string> { "x" })))!;
        var bob = processor.Process(TestEvent.With(("user.name", "bob"), ("process.args", new List<string> { "x" })))!;

        Assert.Equal(["privileged"], (List<string>)root.Get("tags")!);
        Assert.False(root.Has("process.args"));
        Assert.Equal(["unprivileged"], (List<string>)bob.Get("tags")!);
        Assert.True(bob.Has("process.args"));
    }

    [Fact]
    public void WithoutElseOtherEventsPassUnchangedAndThenMayDrop()
    {
        var processor = _chain.One("processors:\n- if: {has_fields: [noise]}\n  then:\n  - drop_event: {}");

        Assert.Null(processor.Process(TestEvent.With(("noise", true))));
        Assert.Equal(1, processor.Process(TestEvent.With(("a", 1)))!.Get("a"));
    }

    [Fact]
    public void BlocksNestAndRunBetweenOtherProcessors()
    {
        var processors = _chain.Build("""
            processors:
            - add_fields: {target: '', fields: {stage: 1}}
            - if: {equals: {stage: 1}}
              then:
              - if: {equals: {kind: a}}
                then: [{add_fields: {target: '', fields: {result: a}}}]
                else: [{add_fields: {target: '', fields: {result: other}}}]
            - drop_fields: {fields: [stage]}
            """);

        var a = Chain.Run(processors, TestEvent.With(("kind", "a")))!;
        var b = Chain.Run(processors, TestEvent.With(("kind", "b")))!;

        Assert.Equal("a", a.Get("result"));
        Assert.Equal("other", b.Get("result"));
        Assert.False(a.Has("stage"));
    }

    [Fact]
    public void AnErrorInsideABlockNamesBothPositions()
    {
        var error = _chain.Fails("processors:\n- add_tags: {tags: [a]}\n- if: {has_fields: [a]}\n  then:\n  - add_tags: {tags: [b]}\n  - rename: {fields: [{from: a}]}");

        Assert.Contains("processor #2 (if): processor #2 (rename)", error.Message, StringComparison.Ordinal);
        Assert.Equal("processors.1.then.1.rename.fields.0.to", error.KeyPath);
        Assert.Equal(6, error.Location?.Line);
    }

    [Fact]
    public void ThenIsRequiredAndUnknownKeysBesideIfAreRejected()
    {
        Assert.Contains("needs a 'then' list", _chain.Fails("processors:\n- if: {has_fields: [a]}").Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'els'", _chain.Fails("processors:\n- if: {has_fields: [a]}\n  then: [{drop_event: {}}]\n  els: []").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANestedProcessorThatThrowsIsCountedAndTheEventGoesOn()
    {
        var chain = new Shipper.Processors.Standard.Flow.IfProcessor(
            new Shipper.Processors.Standard.Support.ProcessorSupport("if", new ProcessorContext(_chain.Load("processors: []").Root, 0, _chain.Logs.CreateLogger("t"), _chain.Services)),
            new Always(),
            [new Throwing(), _chain.One("processors:\n- add_tags: {tags: [after]}")],
            []);

        var e = chain.Process(TestEvent.With())!;

        Assert.Equal(["after"], (List<string>)e.Get("tags")!);
        Assert.Equal(1, _chain.Counter("libbeat.processors.errors"));
    }

    public void Dispose() => _chain.Dispose();

    private sealed class Always : ICondition
    {
        public bool Matches(Event @event) => true;
    }

    private sealed class Throwing : IProcessor
    {
        public string Name => "throwing";

        public Event? Process(Event @event) => throw new InvalidOperationException("boom");
    }
}
