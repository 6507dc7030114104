using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Tests.Interpretation;

public class FieldListTests
{
    [Fact]
    public void A_field_list_finds_a_field_by_its_well_known_key_and_another_by_a_second_key_of_the_same_name()
    {
        var interner = new KeyInterner();
        var list = new FieldList(2);
        list.TryAdd(interner.Get(default, "pid"u8), "1");
        list.TryAdd(interner.Get(default, "exe"u8), "/bin/sh");
        list.TryAdd(interner.Get(default, "other"u8), "x");

        Assert.Equal("/bin/sh", list.Get(WellKnownKeys.Exe));
        Assert.Equal("x", list.Get(FieldKey.Of("other")));
        Assert.Null(list.Get(WellKnownKeys.Comm));
        Assert.True(list.Remove(WellKnownKeys.Pid, out var pid));
        Assert.Equal("1", pid);
        Assert.Equal(2, list.Count);
        Assert.False(list.TryAdd(FieldKey.Of("other"), "y"));
        Assert.Equal(["exe", "other"], [.. EnumerateNames(list)]);
    }

    private static IEnumerable<string> EnumerateNames(FieldList list)
    {
        var names = new List<string>();
        foreach (var field in list)
        {
            names.Add(field.Key.Text);
        }

        return names;
    }
}
