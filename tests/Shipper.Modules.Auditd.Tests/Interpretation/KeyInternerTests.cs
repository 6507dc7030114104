using System.Text;
using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Tests.Interpretation;

public class KeyInternerTests
{
    [Fact]
    public void Every_name_comes_back_as_its_own_text_however_many_names_share_the_table()
    {
        // Far more names than slots, of every length up to and past the packed 16 bytes, so slots collide and are
        // replaced: a name must never come back as another name that hashed to its slot.
        var names = Enumerable.Range(0, 5000)
            .Select(i => new string((char)('a' + (i % 26)), 1 + (i % 40)) + i.ToString(System.Globalization.CultureInfo.InvariantCulture)[..Math.Min(3, i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)])
            .Concat(["a", "a0", "a00", "pid", "comm", "cap_frootid", "0123456789abcdef", "0123456789abcdef0", "UNKNOWN"])
            .ToList();
        var interner = new KeyInterner();

        for (var round = 0; round < 2; round++)
        {
            foreach (var name in names)
            {
                Assert.Equal(name, interner.Get(default, Encoding.UTF8.GetBytes(name)).Text);
            }
        }
    }

    [Fact]
    public void A_name_seen_again_is_the_same_string_and_a_prefix_joins_with_an_underscore()
    {
        var interner = new KeyInterner();

        var first = interner.Get(default, "auid"u8);
        var again = interner.Get(default, "auid"u8);
        var prefixed = interner.Get("subj"u8, "user"u8);

        Assert.Same(first, again);
        Assert.Equal("subj_user", prefixed.Text);
        Assert.Same(prefixed, interner.Get(default, "subj_user"u8));
    }

    [Fact]
    public void A_well_known_name_read_from_a_record_is_the_one_well_known_key_even_after_its_slot_was_taken()
    {
        // Lists find well-known names by reference only, so no second instance of such a name may ever exist.
        var interner = new KeyInterner();
        Assert.Same(WellKnownKeys.Syscall, interner.Get(default, "syscall"u8));
        foreach (var i in Enumerable.Range(0, 5000))
        {
            interner.Get(default, Encoding.UTF8.GetBytes($"k{i}"));
        }

        Assert.Same(WellKnownKeys.Syscall, interner.Get(default, "syscall"u8));
        Assert.Same(WellKnownKeys.Name, FieldKey.Of("name"));
        Assert.True(WellKnownKeys.Name.IsCanonical);
        Assert.False(FieldKey.Of("not-well-known").IsCanonical);
    }
}
