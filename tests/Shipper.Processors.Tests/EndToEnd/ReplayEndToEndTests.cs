using System.Text.Json.Nodes;

namespace Shipper.Processors.Tests.EndToEnd;

/// <summary>
/// <c>shipper replay</c> of a recorded audit log through the real host with a module chain and a global chain:
/// each document that leaves is the one <c>replay --stdout</c> (no processors) makes, changed exactly as configured.
/// </summary>
public sealed class ReplayEndToEndTests : IDisposable
{
    private static readonly string SudoLog = Path.Combine(HostInstall.ConformanceRoot, "auditbeat", "sudo.log");
    private readonly HostInstall _install = new();

    [Fact]
    public async Task ReplayedAuditEventsAreDroppedAndReshapedByTheConfiguredChains()
    {
        var config = _install.Config("""
            name: replay-e2e
            shipper.modules:
            - module: auditd
              processors:
              - drop_event:
                  when:
                    equals: {event.action: authenticated}
            processors:
            - add_fields: {target: labels, fields: {source: replay, stage: e2e}}
            - drop_fields: {fields: [auditd.summary, service, related], ignore_missing: true}
            - rename: {fields: [{from: auditd.session, to: session.id}]}
            - if:
                contains: {event.action: session}
              then:
              - add_tags: {tags: [session]}
              else:
              - add_fields: {target: '', fields: {phase: other}}
            output.console: {}
            """);
        var originals = ParseBySequence((await RunAsync("replay", "-c", config, "--stdout", SudoLog)).Out);

        var (_, stdout, _) = await RunAsync("replay", "-c", config, "-E", "queue.mem.flush.timeout=0", SudoLog);

        var shipped = ParseBySequence(stdout);
        Assert.Equal(20, originals.Count);
        var kept = originals.Where(o => (string?)o.Value["event"]!["action"] != "authenticated").ToList();
        Assert.Equal(16, kept.Count);
        Assert.Equal(kept.Select(o => o.Key).Order(), shipped.Keys.Order());
        foreach (var (sequence, original) in kept)
        {
            var actual = shipped[sequence];
            Assert.Equal("replay-e2e", (string?)actual["agent"]!["name"]);
            foreach (var builtIn in new[] { "agent", "ecs", "host" })
            {
                Assert.True(actual.Remove(builtIn), $"event {sequence} has no {builtIn}");
            }

            var expected = Reshape(original);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"event {sequence}:\nexpected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
        }
    }

    /// <summary>What the global chain above does to one kept document, written out by hand.</summary>
    private static JsonObject Reshape(JsonObject original)
    {
        var document = original.DeepClone().AsObject();
        document["labels"] = new JsonObject { ["source"] = "replay", ["stage"] = "e2e" };
        var auditd = document["auditd"]!.AsObject();
        Assert.True(auditd.Remove("summary"));
        document.Remove("service");
        document.Remove("related");
        var session = auditd["session"]!.DeepClone();
        auditd.Remove("session");
        document["session"] = new JsonObject { ["id"] = session };
        if (((string?)document["event"]!["action"])!.Contains("session", StringComparison.Ordinal))
        {
            document["tags"] = new JsonArray("session");
        }
        else
        {
            document["phase"] = "other";
        }

        return document;
    }

    private static Dictionary<long, JsonObject> ParseBySequence(string ndjson) =>
        ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToDictionary(d => (long)d["auditd"]!["sequence"]!);

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var result = await _install.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.Error);
        return result;
    }

    public void Dispose() => _install.Dispose();
}
