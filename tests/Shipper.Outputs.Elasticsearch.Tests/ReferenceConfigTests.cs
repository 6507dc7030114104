using Shipper.Outputs.Elasticsearch.Options;
using Shipper.Outputs.Elasticsearch.Tests.Support;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>config/shipper.reference.yml documents the Elasticsearch options with their real defaults.</summary>
public sealed class ReferenceConfigTests
{
    [Fact]
    public void TheReferenceElasticsearchSectionUncommentedIsValidAndHoldsTheDefaults()
    {
        var yaml = Uncomment("# ------------------------------ Elasticsearch output", "# ================================== Paths");
        using var config = new EsConfig(yaml);

        var options = config.OutputBlock.Bind<ElasticsearchOutputOptions>();
        var output = config.CreateOutput(new ListLoggerFactory());

        Assert.Equal(new ElasticsearchOutputOptions().BulkMaxSize, options.BulkMaxSize);
        Assert.Equal(new ElasticsearchOutputOptions().Index, options.Index);
        Assert.Equal(new ElasticsearchOutputOptions().Timeout, options.Timeout);
        Assert.Equal(1600, output.MaxBatchSize);
        Assert.Equal(-1, output.MaxRetries);
    }

    private static string Uncomment(string from, string to)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "config", "shipper.reference.yml"));
        var start = text.IndexOf(from, StringComparison.Ordinal);
        var end = text.IndexOf(to, start, StringComparison.Ordinal);
        var lines = text[start..end].Split('\n')
            .Where(l => l.StartsWith("#output.", StringComparison.Ordinal) || l.StartsWith("#  ", StringComparison.Ordinal) || l.StartsWith("#setup.", StringComparison.Ordinal))
            .Where(l => !l.StartsWith("#  #", StringComparison.Ordinal))
            .Select(l => l[1..]);
        return string.Join('\n', lines) + "\n";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shipper.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Shipper.sln not found above " + AppContext.BaseDirectory);
    }
}
