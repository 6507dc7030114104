using System.Text.Json;
using Shipper.Outputs.Elasticsearch.Options;
using Shipper.Outputs.Elasticsearch.Template;
using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>The index template: installed on first connect, and covering every field the auditd module emits.</summary>
public sealed class TemplateTests
{
    [Fact]
    public async Task TheTemplateIsInstalledOnFirstConnectBeforeAnyEvent()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = EsOutput.For(server);

        await es.SendAsync(1);
        await es.SendAsync(1);

        var template = server.Templates["shipper-0.1.0"];
        Assert.Equal("shipper-0.1.0-*", template.GetProperty("index_patterns")[0].GetString());
        var paths = server.Requests.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Equal(["HEAD /_index_template/shipper-0.1.0", "PUT /_index_template/shipper-0.1.0", "POST /_bulk", "POST /_bulk"], paths);
    }

    [Fact]
    public async Task AnExistingTemplateIsLeftAloneUnlessOverwriteIsSet()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using (var first = EsOutput.For(server))
        {
            await first.SendAsync(1);
        }

        await using (var second = EsOutput.For(server))
        {
            await second.SendAsync(1);
        }

        Assert.Single(server.Requests, r => r.Method == "PUT");
        await using (var third = EsOutput.For(server, root: "setup.template.overwrite: true"))
        {
            await third.SendAsync(1);
        }

        Assert.Equal(2, server.Requests.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task NoTemplateIsInstalledWhenSetupTemplateIsDisabled()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = EsOutput.For(server, root: "setup.template.enabled: false");

        await es.SendAsync(1);

        Assert.Empty(server.Templates);
        Assert.All(server.Requests, r => Assert.Equal("/_bulk", r.Path));
    }

    [Fact]
    public async Task AFailedTemplateInstallFailsTheBatchSoItIsRetried()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        server.RequiredAuthorization = "Basic nobody";
        await using var es = EsOutput.For(server);

        var batch = EsOutput.Batch(1);
        var error = await Assert.ThrowsAsync<Connection.ClusterException>(() => es.Output.SendAsync(batch, CancellationToken.None).AsTask());

        Assert.Contains("checking index template shipper-0.1.0: HTTP 401 (the cluster did not accept the credentials", error.Message, StringComparison.Ordinal);
        Assert.Equal(EventOutcome.Pending, batch.OutcomeOf(0));
    }

    [Fact]
    public void TheMappingsTypeIdsAsKeywordsNumbersAsLongAddressesAsIpAndTheTimestampAsDate()
    {
        var mappings = IndexTemplate.Mappings();

        Assert.Equal("date", TypeOf(mappings, "@timestamp"));
        foreach (var id in new[] { "user.id", "user.audit.id", "user.effective.id", "group.id", "user.auid", "auditd.session", "file.inode", "agent.id" })
        {
            Assert.Equal("keyword", TypeOf(mappings, id));
        }

        foreach (var number in new[] { "process.pid", "process.ppid", "process.parent.pid", "source.port", "destination.port", "auditd.sequence" })
        {
            Assert.Equal("long", TypeOf(mappings, number));
        }

        foreach (var ip in new[] { "source.ip", "destination.ip", "host.ip", "related.ip" })
        {
            Assert.Equal("ip", TypeOf(mappings, ip));
        }
    }

    [Fact]
    public void EveryFieldOfTheAuditbeatConformanceDocumentsIsMappedWithACompatibleType()
    {
        var mappings = IndexTemplate.Mappings();
        var documents = Conformance.ExpectedDocuments().ToList();
        Assert.True(documents.Count >= 10, $"found only {documents.Count} conformance documents under {Conformance.Folder}");
        var problems = new List<string>();
        foreach (var (path, value) in documents.SelectMany(d => Leaves(d, string.Empty)).DistinctBy(l => l.Path))
        {
            var type = TypeOf(mappings, path);
            if (type is null)
            {
                // Not listed: only strings may fall through, to the strings-as-keyword dynamic template.
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{path}: a {value.ValueKind} with no mapping");
                }

                continue;
            }

            if (!Compatible(type, value))
            {
                problems.Add($"{path}: {value.ValueKind} '{value}' does not fit type {type}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheTemplateNameAndPatternFollowTheSetupOptions()
    {
        var template = IndexTemplate.Create(new TemplateOptions { Name = "audit-%{[agent.version]}", Pattern = "audit-*", Priority = 200, Settings = new TemplateSettingsOptions { Index = { ["number_of_shards"] = "1" } } }, "1.2.3");

        Assert.Equal("audit-1.2.3", template.Name);
        using var json = JsonDocument.Parse(template.ToJson());
        Assert.Equal("audit-*", json.RootElement.GetProperty("index_patterns")[0].GetString());
        Assert.Equal(200, json.RootElement.GetProperty("priority").GetInt32());
        Assert.Equal("1", json.RootElement.GetProperty("template").GetProperty("settings").GetProperty("index").GetProperty("number_of_shards").GetString());
    }

    private static bool Compatible(string type, JsonElement value) => type switch
    {
        "long" => value.ValueKind == JsonValueKind.Number || (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), out _)),
        "ip" => value.ValueKind == JsonValueKind.String && System.Net.IPAddress.TryParse(value.GetString(), out _),
        "date" => value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "keyword" or "text" or "match_only_text" => value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False,
        _ => false,
    };

    private static IEnumerable<(string Path, JsonElement Value)> Leaves(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var leaf in Leaves(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var leaf in Leaves(item, path))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValueKind.Null:
                break;
            default:
                yield return (path, element);
                break;
        }
    }

    private static string? TypeOf(System.Text.Json.Nodes.JsonObject mappings, string path)
    {
        var level = mappings["properties"]!.AsObject();
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            if (level[parts[i]] is not System.Text.Json.Nodes.JsonObject node)
            {
                return null;
            }

            if (i == parts.Length - 1)
            {
                return node["type"]?.GetValue<string>();
            }

            if (node["properties"] is not System.Text.Json.Nodes.JsonObject children)
            {
                return null;
            }

            level = children;
        }

        return null;
    }
}
