using System.Net;
using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Conditions;

public sealed class NetworkConditionTests : IDisposable
{
    private readonly Chain _chain = new();

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("10.255.0.1", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("fd12::1", false)]
    public void ACidrBlockHoldsItsAddresses(string ip, bool expected)
    {
        var condition = _chain.Condition("network: {source.ip: 10.0.0.0/8}");

        Assert.Equal(expected, condition.Matches(TestEvent.With(("source.ip", ip))));
    }

    [Theory]
    [InlineData("private", "192.168.1.1", true)]
    [InlineData("private", "172.31.255.255", true)]
    [InlineData("private", "172.32.0.1", false)]
    [InlineData("private", "fd00::1", true)]
    [InlineData("public", "8.8.8.8", true)]
    [InlineData("public", "2001:4860::8888", true)]
    [InlineData("public", "10.0.0.1", false)]
    [InlineData("public", "127.0.0.1", false)]
    [InlineData("public", "169.254.1.1", false)]
    [InlineData("public", "224.0.0.251", false)]
    [InlineData("loopback", "127.8.8.8", true)]
    [InlineData("loopback", "::1", true)]
    [InlineData("multicast", "239.1.1.1", true)]
    [InlineData("multicast", "ff02::1", true)]
    [InlineData("link_local_unicast", "fe80::1", true)]
    [InlineData("link_local_multicast", "224.0.0.1", true)]
    [InlineData("interface_local_multicast", "ff01::1", true)]
    [InlineData("unspecified", "0.0.0.0", true)]
    [InlineData("unicast", "10.0.0.1", true)]
    [InlineData("unicast", "255.255.255.255", false)]
    public void NamedRangesHoldWhatTheirNamesSay(string name, string ip, bool expected)
    {
        var condition = _chain.Condition($"network: {{ip: {name}}}");

        Assert.Equal(expected, condition.Matches(TestEvent.With(("ip", ip))));
    }

    [Fact]
    public void AListOfRangesMatchesAnyAndHostBitsInABlockAreIgnored()
    {
        var condition = _chain.Condition("network: {destination.ip: [loopback, '192.168.7.9/24']}");

        Assert.True(condition.Matches(TestEvent.With(("destination.ip", "192.168.7.200"))));
        Assert.True(condition.Matches(TestEvent.With(("destination.ip", "127.0.0.1"))));
        Assert.False(condition.Matches(TestEvent.With(("destination.ip", "192.168.8.1"))));
    }

    [Fact]
    public void ParsedAddressesMappedAddressesAndListsOfAddressesWork()
    {
        var condition = _chain.Condition("network: {ip: private}");

        Assert.True(condition.Matches(TestEvent.With(("ip", IPAddress.Parse("10.0.0.1")))));
        Assert.True(condition.Matches(TestEvent.With(("ip", "::ffff:10.0.0.1"))));
        Assert.True(condition.Matches(TestEvent.With(("ip", new List<string> { "8.8.8.8", "10.0.0.1" }))));
    }

    [Fact]
    public void TextThatIsNotAnAddressAndMissingFieldsDoNotMatch()
    {
        var condition = _chain.Condition("network: {ip: public}");

        Assert.False(condition.Matches(TestEvent.With(("ip", "example.com"))));
        Assert.False(condition.Matches(TestEvent.With(("ip", 12))));
        Assert.False(condition.Matches(TestEvent.With(("other", "8.8.8.8"))));
    }

    [Fact]
    public void ABadCidrIsRejectedWithTheKeyAndLine()
    {
        var error = _chain.ConditionFails("network:\n  source.ip: 10.0.0.0/33");

        Assert.Contains("'10.0.0.0/33' is neither a CIDR block", error.Message, StringComparison.Ordinal);
        Assert.Equal("processors.0.drop_event.when.network.source.ip", error.KeyPath);
        Assert.Equal(5, error.Location?.Line);
    }

    [Fact]
    public void AnUnknownRangeNameIsRejectedListingTheNames()
    {
        var error = _chain.ConditionFails("network: {ip: privat}");

        Assert.Contains("private", error.Message, StringComparison.Ordinal);
        Assert.Contains("'privat' is neither", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _chain.Dispose();
}
