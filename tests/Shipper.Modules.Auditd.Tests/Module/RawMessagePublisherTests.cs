using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Shipper.Modules.Auditd.Control;

namespace Shipper.Modules.Auditd.Tests.Module;

public class RawMessagePublisherTests
{
    private readonly CollectingPipelineClient _pipeline = new();
    private readonly CollectingMetrics _metrics = new();

    [Fact]
    public void Each_message_becomes_an_event_with_module_type_text_and_the_records_time()
    {
        Publisher().OnMessage(1300, "audit(1700000000.123:42): arch=c000003e syscall=59"u8);

        var published = Assert.Single(_pipeline.Events);
        Assert.Equal("auditd", published.Fields.GetValueOrDefault("event.module"));
        Assert.Equal(1300, published.Fields.GetValueOrDefault("auditd.message_type"));
        Assert.Equal("audit(1700000000.123:42): arch=c000003e syscall=59", published.Fields.GetValueOrDefault("message"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), published.Timestamp);
    }

    [Fact]
    public void A_message_without_a_header_is_stamped_with_the_time_it_arrived()
    {
        var before = DateTimeOffset.UtcNow;

        Publisher().OnMessage(1100, Encoding.UTF8.GetBytes("no header here"));

        Assert.InRange(Assert.Single(_pipeline.Events).Timestamp, before, DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData(1329)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void Kernel_probes_and_control_replies_are_not_published(ushort type)
    {
        Publisher().OnMessage(type, "audit(1700000000.123:42): x"u8);

        Assert.Empty(_pipeline.Events);
    }

    [Fact]
    public void The_login_record_below_the_record_range_is_published()
    {
        Publisher().OnMessage(1006, "audit(1700000000.123:42): pid=1 old-auid=4294967295"u8);

        Assert.Single(_pipeline.Events);
    }

    [Fact]
    public void With_userspace_backpressure_a_full_pipeline_drops_and_counts_the_message()
    {
        _pipeline.Full = true;

        Publisher(userspace: true).OnMessage(1300, "audit(1700000000.123:42): x"u8);

        Assert.Empty(_pipeline.Events);
        Assert.Equal(1, _metrics.Value("auditd.userspace_lost"));
    }

    [Fact]
    public void Without_userspace_backpressure_a_full_pipeline_holds_the_message_until_stop()
    {
        _pipeline.Full = true;
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Publisher(stopping: stop.Token).OnMessage(1300, "audit(1700000000.123:42): x"u8);

        Assert.True(stop.IsCancellationRequested);
        Assert.Empty(_pipeline.Events);
        Assert.Equal(0, _metrics.Value("auditd.userspace_lost"));
    }

    private RawMessagePublisher Publisher(bool userspace = false, CancellationToken stopping = default) =>
        new(new AuditMessageHandlerContext(_pipeline, new AuditdOptions(), new BackpressurePlan(!userspace, userspace), NullLogger.Instance, _metrics, stopping));
}
