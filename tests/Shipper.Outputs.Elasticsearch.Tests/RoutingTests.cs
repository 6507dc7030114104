using Shipper.Config;
using Shipper.Events;
using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;
using Shipper.Processors;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>Index and pipeline names: format strings, <c>indices</c> rules with conditions, metadata overrides.</summary>
public sealed class RoutingTests
{
    [Fact]
    public async Task TheDefaultIndexIsNamedAfterTheAgentVersionAndTheEventsDay()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = EsOutput.For(server);

        await es.SendAsync(1);

        Assert.Equal("shipper-0.1.0-2026.03.04", Assert.Single(server.Documents).Index);
    }

    [Fact]
    public async Task IndicesRulesPickTheFirstMatchingConditionAndLowercaseTheName()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = new EsOutput($$"""
            output.elasticsearch:
                hosts: ['{{server.Host}}']
                index: "other-%{+yyyy}"
                indices:
                  - index: "Logins-%{[kind]}"
                    when.equals.kind: login
                  - index: "%{[kind]}"
                    mappings:
                      exec: executions
                    default: misc
            setup.template.enabled: false
            """, new EqualsConditions());

        await es.SendAsync(4, (n, e) =>
        {
            if (n < 3)
            {
                e.Fields["kind"] = new[] { "login", "exec", "mount" }[n];
            }
        });

        var byIndex = server.Documents.ToDictionary(d => d.Source.GetProperty("seq").GetInt32(), d => d.Index);
        Assert.Equal("logins-login", byIndex[0]);
        Assert.Equal("executions", byIndex[1]);
        Assert.Equal("misc", byIndex[2]);
        Assert.Equal("other-2026", byIndex[3]);
    }

    [Fact]
    public async Task IndicesRulesTakeTheProcessorsPluginsConditions()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = new EsOutput($$"""
            output.elasticsearch:
                hosts: ['{{server.Host}}']
                indices:
                  - index: "logins"
                    when.and:
                      - equals.event.category: authentication
                      - not.equals.event.outcome: success
                  - index: "network"
                    when.network.source.ip: private
            setup.template.enabled: false
            """, new Shipper.Processors.Standard.Conditions.ConditionFactory());

        await es.SendAsync(4, (n, e) =>
        {
            if (n == 0)
            {
                e.Fields.Put("event.category", "authentication");
                e.Fields.Put("event.outcome", "failure");
            }

            if (n == 1)
            {
                e.Fields.Put("event.category", "authentication");
                e.Fields.Put("event.outcome", "success");
            }

            if (n == 2)
            {
                e.Fields.Put("source.ip", "10.1.2.3");
            }
        });

        var byIndex = server.Documents.ToDictionary(d => d.Source.GetProperty("seq").GetInt32(), d => d.Index);
        Assert.Equal(["logins", "shipper-0.1.0-2026.03.04", "network", "shipper-0.1.0-2026.03.04"], Enumerable.Range(0, 4).Select(i => byIndex[i]));
    }

    [Fact]
    public void AWhenConditionWithoutTheProcessorsPluginIsAClearConfigError()
    {
        using var config = new EsConfig("""
            output.elasticsearch:
              indices:
                - index: logins
                  when.equals.kind: login
            """);

        var error = Assert.Throws<ConfigException>(() => config.CreateOutput(new ListLoggerFactory()));

        Assert.Contains("output.elasticsearch.indices.0.when", error.Message, StringComparison.Ordinal);
        Assert.Contains("processors plugin", error.Message, StringComparison.Ordinal);
        Assert.Contains("shipper.yml:4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetadataIndexAndPipelineOverrideTheConfiguredOnes()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = EsOutput.For(server, "    pipeline: \"Enrich-%{[kind]:default}\"");

        await es.SendAsync(3, (n, e) =>
        {
            if (n == 1)
            {
                e.Metadata["index"] = "Module-Index";
                e.Metadata["pipeline"] = "special";
            }

            if (n == 2)
            {
                e.Fields["kind"] = "exec";
            }
        });

        var docs = server.Documents.ToDictionary(d => d.Source.GetProperty("seq").GetInt32());
        Assert.Equal(("shipper-0.1.0-2026.03.04", "enrich-default"), (docs[0].Index, docs[0].Pipeline));
        Assert.Equal(("module-index", "special"), (docs[1].Index, docs[1].Pipeline));
        Assert.Equal("enrich-exec", docs[2].Pipeline);
        Assert.False(docs[1].Source.TryGetProperty("@metadata", out _));
    }

    [Fact]
    public async Task AnEventMissingAFieldOfTheIndexFormatIsDroppedWithTheReason()
    {
        await using var server = await FakeElasticsearch.StartAsync();
        await using var es = EsOutput.For(server, "    index: \"by-host-%{[host.name]}\"");

        var batch = await es.SendAsync(2, (n, e) =>
        {
            if (n == 0)
            {
                e.Fields.Put("host.name", "web1");
            }
        });

        Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(0));
        Assert.Equal(EventOutcome.Dropped, batch.OutcomeOf(1));
        Assert.Contains("field 'host.name'", batch.ReasonOf(1), StringComparison.Ordinal);
        Assert.Equal("by-host-web1", Assert.Single(server.Documents).Index);
    }

    /// <summary>A stand-in for the processors plugin's conditions: only <c>equals</c> with one field.</summary>
    private sealed class EqualsConditions : IConditionFactory
    {
        public ICondition Create(IConfigSection condition)
        {
            var equals = condition.GetSection("equals")!;
            var field = equals.Keys.Single();
            return new FieldEquals(field, equals.GetSection(field)!.Value!);
        }

        private sealed class FieldEquals(string field, string value) : ICondition
        {
            public bool Matches(Event @event) => @event.Fields.GetValueOrDefault(field) as string == value;
        }
    }
}
