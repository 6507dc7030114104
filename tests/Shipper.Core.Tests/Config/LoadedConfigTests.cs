using Shipper.Core.Config;
using Shipper.Testing;

namespace Shipper.Core.Tests.Config;

public class LoadedConfigTests
{
    private const string WithSecrets = """
        output.elasticsearch:
          hosts: [es:9200]
          username: elastic
          password: ${ES_PASSWORD}
          api_key: "id:s3cr3t-api"
          ssl:
            key_passphrase: pass-phrase-1
        setup:
          aws_secret: aws-123
          db_password: dbpass-9
          token: [tok-a, tok-b]
          secret_access_key:
            nested: deep-secret
        """;

    private static readonly Dictionary<string, string> Env = new() { ["ES_PASSWORD"] = "changeme-42" };

    private static readonly string[] Secrets = ["changeme-42", "s3cr3t-api", "pass-phrase-1", "aws-123", "dbpass-9", "tok-a", "deep-secret"];

    [Fact]
    public void Export_masks_every_secret_value()
    {
        using var dir = new TempDirectory();

        var yaml = ConfigFiles.Load(dir, WithSecrets, Env).ToYaml();

        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, yaml, StringComparison.Ordinal);
        }

        Assert.Contains("password: \"[REDACTED]\"", yaml, StringComparison.Ordinal);
        Assert.Contains("username: elastic", yaml, StringComparison.Ordinal);
        Assert.Contains("es:9200", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_without_masking_shows_expanded_values()
    {
        using var dir = new TempDirectory();

        var yaml = ConfigFiles.Load(dir, WithSecrets, Env).ToYaml(maskSecrets: false);

        Assert.Contains("changeme-42", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("${", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_reads_back_to_the_same_settings()
    {
        using var dir = new TempDirectory();
        var original = ConfigFiles.Load(dir, "name: \"123\"\ntags: []\nfields:\n  empty: \"\"\n  none: ~\n  text: 'yes: no'\nqueue.mem.events: 2048\n", "http.port=81");

        var again = ConfigFiles.Load(dir, original.ToYaml());

        Assert.Equal("123", again.Options.Name);
        Assert.Empty(again.Options.Tags);
        Assert.Equal(string.Empty, again.Options.Fields!["empty"]);
        Assert.Null(again.Options.Fields["none"]);
        Assert.Equal("yes: no", again.Options.Fields["text"]);
        Assert.Equal(2048, again.Options.Queue.Mem.Events);
        Assert.Equal(81, again.Options.Http.Port);
    }
}
