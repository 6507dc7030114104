using System.Text;
using Shipper.Core.Monitoring;

namespace Shipper.Core.Tests.Monitoring;

public class StatsJsonTests
{
    [Fact]
    public void Dotted_names_become_nested_objects_sorted_by_key()
    {
        var json = Write(("libbeat.pipeline.events.total", 5), ("beat.info.uptime.ms", 9), ("libbeat.output.events.acked", 3));

        Assert.Equal("""{"beat":{"info":{"uptime":{"ms":9}}},"libbeat":{"output":{"events":{"acked":3}},"pipeline":{"events":{"total":5}}}}""", json);
    }

    [Fact]
    public void A_name_that_is_also_a_prefix_keeps_its_value_under_value()
    {
        var json = Write(("a.b", 1), ("a.b.c", 2));

        Assert.Equal("""{"a":{"b":{"value":1,"c":2}}}""", json);
    }

    private static string Write(params (string Name, long Value)[] metrics) =>
        Encoding.UTF8.GetString(StatsJson.Write(metrics.Select(m => KeyValuePair.Create(m.Name, m.Value)), indented: false));
}
