using System.Text;
using Shipper.Modules.Auditd.Parsing;

namespace Shipper.Modules.Auditd.Tests.Parsing;

public class AuditFieldReaderTests
{
    [Fact]
    public void Quoted_bare_and_hex_values_are_read_as_written()
    {
        var fields = Read("comm=\"touch\" pid=42 name=2F746D702F61206220 tty=(none) key=(null) exit=?");

        Assert.Equal(
            [("comm", "touch", AuditValueKind.Quoted), ("pid", "42", AuditValueKind.Bare), ("name", "2F746D702F61206220", AuditValueKind.Bare),
             ("tty", "(none)", AuditValueKind.Bare), ("key", "(null)", AuditValueKind.Bare), ("exit", "?", AuditValueKind.Bare)],
            fields);
    }

    [Fact]
    public void A_user_messages_nested_msg_is_flattened()
    {
        var fields = Read("pid=11312 uid=0 auid=0 ses=62 msg='op=PAM:authentication acct=\"bob\" exe=\"/bin/su\" hostname=localhost res=success'");

        Assert.Equal(["pid", "uid", "auid", "ses", "op", "acct", "exe", "hostname", "res"], fields.Select(f => f.Key));
        Assert.Equal("success", fields[^1].Value);
    }

    [Fact]
    public void Free_text_in_msg_stays_one_value()
    {
        var fields = Read("pid=1 msg='hello world'");

        Assert.Equal(("msg", "hello world", AuditValueKind.SingleQuoted), fields[^1]);
    }

    [Fact]
    public void The_legacy_login_form_prefixes_old_and_new()
    {
        var reader = new AuditFieldReader("login pid=26125 uid=0 old auid=4294967295 new auid=0"u8);
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.KeyPrefix.IsEmpty ? Encoding.UTF8.GetString(reader.Key) : $"{Encoding.UTF8.GetString(reader.KeyPrefix)}_{Encoding.UTF8.GetString(reader.Key)}");
        }

        Assert.Equal(["pid", "uid", "old_auid", "new_auid"], keys);
    }

    [Fact]
    public void An_avc_decision_and_permissions_become_fields()
    {
        var fields = Read("avc:  denied  { read write } for  pid=5 comm=\"cat\"");

        Assert.Equal(("seresult", "denied", AuditValueKind.Bare), fields[0]);
        Assert.Equal(("seperms", "read write", AuditValueKind.Braced), fields[1]);
        Assert.Equal("pid", fields[2].Key);
    }

    [Fact]
    public void Split_execve_arguments_keep_their_index_in_the_key()
    {
        var fields = Read("a1_len=8 a1[0]=41424344 a1[1]=45464748");

        Assert.Equal(["a1_len", "a1[0]", "a1[1]"], fields.Select(f => f.Key));
    }

    [Fact]
    public void A_missing_closing_quote_runs_to_the_end_and_is_flagged()
    {
        var reader = new AuditFieldReader("a=1 comm=\"unterminated value"u8);
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Encoding.UTF8.GetString(reader.Value));
        }

        Assert.Equal(["1", "unterminated value"], values);
        Assert.True(reader.Malformed);
    }

    [Fact]
    public void An_empty_quoted_value_is_read_as_empty()
    {
        Assert.Equal(("a8", "", AuditValueKind.Quoted), Assert.Single(Read("a8=\"\"")));
    }

    [Fact]
    public void Old_pam_parenthesised_fields_are_read_without_the_parentheses()
    {
        var fields = Read("msg='op=PAM:setcred acct=\"root\" exe=\"/usr/sbin/sshd\" (hostname=1.2.3.4, addr=1.2.3.4, terminal=ssh res=success)'");

        Assert.Contains(fields, f => f.Key == "hostname" && f.Value == "1.2.3.4,");
        Assert.Equal(("res", "success", AuditValueKind.Bare), fields[^1]);
    }

    internal static List<(string Key, string Value, AuditValueKind Kind)> Read(string body)
    {
        var reader = new AuditFieldReader(Encoding.UTF8.GetBytes(body));
        var fields = new List<(string, string, AuditValueKind)>();
        while (reader.Read())
        {
            fields.Add((Encoding.UTF8.GetString(reader.Key), Encoding.UTF8.GetString(reader.Value), reader.Kind));
        }

        return fields;
    }
}
