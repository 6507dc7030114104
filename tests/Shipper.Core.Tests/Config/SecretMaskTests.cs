using Shipper.Core.Config;

namespace Shipper.Core.Tests.Config;

public class SecretMaskTests
{
    [Fact]
    public void Secret_names_are_recognised_by_name_and_suffix()
    {
        Assert.True(SecretMask.IsSecretKey("Password"));
        Assert.True(SecretMask.IsSecretKey("proxy_password"));
        Assert.True(SecretMask.IsSecretKey("client_token"));
        Assert.True(SecretMask.IsSecretPath("output.elasticsearch.ssl.key_passphrase"));
        Assert.False(SecretMask.IsSecretKey("tokens_per_second"));
        Assert.False(SecretMask.IsSecretPath("output.elasticsearch.username"));
    }

    [Fact]
    public void Shown_values_are_quoted_or_redacted()
    {
        Assert.Equal("'abc'", SecretMask.Show("output.es.username", "abc"));
        Assert.Equal("[REDACTED]", SecretMask.Show("output.es.password", "abc"));
        Assert.Equal("[REDACTED]", SecretMask.Show("output.es.credentials", "abc", isSecret: true));
    }
}
