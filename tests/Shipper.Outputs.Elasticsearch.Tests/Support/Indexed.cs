using Shipper.Outputs.Elasticsearch.Tests.Server;

namespace Shipper.Outputs.Elasticsearch.Tests.Support;

/// <summary>Reads back what the test server indexed, by the events' <c>seq</c> numbers.</summary>
internal static class Indexed
{
    public static List<int> Sequences(this FakeElasticsearch server, string? index = null) =>
        [.. server.Documents.Where(d => index is null || d.Index == index)
            .Where(d => d.Source.TryGetProperty("seq", out _))
            .Select(d => d.Source.GetProperty("seq").GetInt32())];

    /// <summary>Asserts that each of <paramref name="expected"/> was indexed exactly once, and nothing else.</summary>
    public static void AssertExactlyOnce(this FakeElasticsearch server, IEnumerable<int> expected, string? index = null)
    {
        var seen = server.Sequences(index);
        var duplicates = seen.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"indexed more than once: {string.Join(", ", duplicates.Take(20))}");
        Assert.Equal(expected.Order(), seen.Order());
    }
}
