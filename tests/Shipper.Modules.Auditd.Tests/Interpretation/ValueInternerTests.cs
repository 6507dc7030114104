using System.Globalization;
using System.Text;
using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Tests.Interpretation;

public class ValueInternerTests
{
    [Fact]
    public void Every_value_comes_back_as_its_own_text_whatever_its_length_and_however_many_share_the_table()
    {
        // Far more values than slots, from 1 byte to past the longest kept (256), ASCII and not, and pairs that share
        // their length and their first, middle and last 8 bytes: a value must never come back as another one.
        var values = new List<string>();
        for (var i = 0; i < 6000; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            values.Add(n + new string('x', i % 300));
            values.Add("/usr/lib/x86_64-linux-gnu/" + n + "/" + new string('y', i % 40));
        }

        values.AddRange(["é", "/home/zoë/документы/файл.txt", "/home/zoë/документы/файл.txy", string.Empty]);
        var sameSamples = new string('a', 40);
        values.Add(sameSamples[..10] + "b" + sameSamples[11..]);
        values.Add(sameSamples[..10] + "c" + sameSamples[11..]);
        var interner = new ValueInterner();

        for (var round = 0; round < 2; round++)
        {
            foreach (var value in values)
            {
                Assert.Equal(value, interner.Get(Encoding.UTF8.GetBytes(value)));
            }
        }
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("/lib64/ld-linux-x86-64.so.2")]
    [InlineData("/usr/bin/python3 /opt/app/manage.py runserver 0.0.0.0:8000 --noreload")]
    public void A_value_seen_again_is_the_same_string(string value)
    {
        var interner = new ValueInterner();
        var bytes = Encoding.UTF8.GetBytes(value);

        Assert.Same(interner.Get(bytes), interner.Get(bytes));
    }
}
