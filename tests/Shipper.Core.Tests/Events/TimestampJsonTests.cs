using System.Globalization;
using Shipper.Events;

namespace Shipper.Core.Tests.Events;

public class TimestampJsonTests
{
    [Theory]
    [InlineData("2023-11-14T22:13:20.1009999+00:00", "2023-11-14T22:13:20.100Z")]
    [InlineData("2023-11-14T23:13:20.0000000+01:00", "2023-11-14T22:13:20.000Z")]
    [InlineData("0001-01-01T00:00:00.9999999+00:00", "0001-01-01T00:00:00.999Z")]
    [InlineData("9999-12-31T23:59:59.5555555+00:00", "9999-12-31T23:59:59.555Z")]
    public void The_timestamp_is_written_in_utc_to_the_millisecond_truncated_with_a_z_as_beats_writes_it(string given, string expected)
    {
        var e = new Event(DateTimeOffset.Parse(given, CultureInfo.InvariantCulture), new FieldMap());

        Assert.Equal($"{{\"@timestamp\":\"{expected}\"}}", e.ToString());
    }
}
