using Shipper.Outputs.Elasticsearch.Connection;
using Shipper.Outputs.Elasticsearch.Tests.Server;
using Shipper.Outputs.Elasticsearch.Tests.Support;
using Shipper.Testing;

namespace Shipper.Outputs.Elasticsearch.Tests;

/// <summary>
/// <c>ssl.*</c> against the test server serving HTTPS with a certificate from a CA made for the test: the
/// certificate is verified by default, <c>certificate_authorities</c> adds trust, <c>verification_mode</c>
/// relaxes the check, and a client certificate is presented when the server asks for one.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestPki _pki = new();

    [Fact]
    public async Task WithoutTheCaTheCertificateIsRefusedAndTheFailureSaysWhy()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.Server));
        await using var es = EsOutput.For(server);

        var failure = await Assert.ThrowsAsync<ClusterException>(async () => await es.SendAsync(3));

        Assert.Contains("certificate", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not trusted", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ssl.certificate_authorities", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Documents);
    }

    [Fact]
    public async Task TestOutputReportsTheCertificateValidationFailure()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.Server));
        await using var es = EsOutput.For(server);
        var report = new StringWriter();

        var ok = await es.Output.TestAsync(report, CancellationToken.None);

        Assert.False(ok);
        Assert.Contains("connection... ERROR", report.ToString(), StringComparison.Ordinal);
        Assert.True(report.ToString().Contains("certificate of 127.0.0.1 is not trusted", StringComparison.Ordinal), report.ToString());
    }

    [Fact]
    public async Task WithTheCaConfiguredEventsAreIndexedExactlyOnce()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.Server));
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server), $"    ssl.certificate_authorities: ['{_pki.CaFile}']");

        var published = await pipeline.PublishAsync(60);
        await Eventually.HoldsAsync(() => server.Sequences().Count == 60, "events indexed over TLS");
        await pipeline.StopAsync(TimeSpan.FromSeconds(5));

        server.AssertExactlyOnce(published);
        Assert.Equal(0, pipeline.Counter("libbeat.output.events.failed"));
    }

    [Fact]
    public async Task TestOutputSucceedsWithTheCaConfigured()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.Server));
        await using var es = EsOutput.For(server, $"    ssl.certificate_authorities: ['{_pki.CaFile}']");
        var report = new StringWriter();

        var ok = await es.Output.TestAsync(report, CancellationToken.None);

        Assert.True(ok, report.ToString());
        Assert.Contains($"elasticsearch: https://127.0.0.1:{server.Port}/", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("TLS... OK (certificate chain and host name verified)", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestOutputWarnsThatVerificationModeNoneChecksNothing()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.WrongNameServer));
        await using var es = EsOutput.For(server, "    ssl.verification_mode: none");
        var report = new StringWriter();

        var ok = await es.Output.TestAsync(report, CancellationToken.None);

        Assert.True(ok, report.ToString());
        Assert.Contains("TLS... WARN the server's certificate is not verified", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerificationModeNoneDeliversAndIsWarnedAbout()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.Server));
        await using var pipeline = new EsPipeline(EsPipeline.HostsOf(server), "    ssl.verification_mode: none");

        var published = await pipeline.PublishAsync(20);
        await Eventually.HoldsAsync(() => server.Sequences().Count == 20, "events indexed without verification");
        await pipeline.StopAsync(TimeSpan.FromSeconds(5));

        server.AssertExactlyOnce(published);
        var warning = Assert.Single(pipeline.Logs.Entries, e => e.Message.Contains("verification", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("ssl.verification_mode: none", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerificationModeCertificateAcceptsAValidChainForAnotherHostName()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.WrongNameServer));
        await using var es = EsOutput.For(server, $"    ssl.certificate_authorities: ['{_pki.CaFile}']\n    ssl.verification_mode: certificate");

        var batch = await es.SendAsync(5);

        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(i)));
        server.AssertExactlyOnce(Enumerable.Range(0, 5));
    }

    [Theory]
    [InlineData("full")]
    [InlineData("strict")]
    public async Task VerificationModeFullRefusesAValidChainForAnotherHostName(string mode)
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.WrongNameServer));
        await using var es = EsOutput.For(server, $"    ssl.certificate_authorities: ['{_pki.CaFile}']\n    ssl.verification_mode: {mode}");

        var failure = await Assert.ThrowsAsync<ClusterException>(async () => await es.SendAsync(5));

        Assert.True(failure.Message.Contains("certificate of 127.0.0.1 does not match the host name", StringComparison.Ordinal), failure.Message);
        Assert.Empty(server.Documents);
    }

    [Fact]
    public async Task AClientCertificateIsPresentedWhenTheServerRequiresOne()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.Server, _pki.Issued));
        await using var es = EsOutput.For(server, $"""
                ssl.certificate_authorities: ['{_pki.CaFile}']
                ssl.certificate: '{_pki.ClientCertificateFile}'
                ssl.key: '{_pki.ClientKeyFile}'
            """);

        var batch = await es.SendAsync(4);

        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(i)));
        var bulk = Assert.Single(server.BulkRequests);
        Assert.Equal("CN=shipper-client", bulk.ClientCertificate);
    }

    [Fact]
    public async Task WithoutAClientCertificateAServerThatRequiresOneIsNotReached()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.Server, _pki.Issued));
        await using var es = EsOutput.For(server, $"    ssl.certificate_authorities: ['{_pki.CaFile}']");

        var failure = await Assert.ThrowsAsync<ClusterException>(async () => await es.SendAsync(2));

        Assert.Empty(server.Documents);
        Assert.True(failure.Message.Contains("set ssl.certificate and ssl.key", StringComparison.Ordinal), failure.Message);
    }

    [Fact]
    public async Task SslEnabledFalseIgnoresTheCaButStillVerifiesHttpsHosts()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.Server));
        await using var es = EsOutput.For(server, $"    ssl.enabled: false\n    ssl.certificate_authorities: ['{_pki.CaFile}']\n    ssl.verification_mode: none");

        var failure = await Assert.ThrowsAsync<ClusterException>(async () => await es.SendAsync(1));

        Assert.True(failure.Message.Contains("is not trusted", StringComparison.Ordinal), failure.Message);
        Assert.Empty(server.Documents);
    }

    [Fact]
    public async Task TheCaMayBeGivenAsPemTextInsteadOfAFile()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.Server));
        var pem = File.ReadAllText(_pki.CaFile).TrimEnd().ReplaceLineEndings("\n          ");
        await using var es = EsOutput.For(server, $"    ssl.certificate_authorities:\n      - |\n          {pem}");

        var batch = await es.SendAsync(2);

        Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(1));
    }

    [Fact]
    public async Task AnEncryptedClientKeyIsReadWithItsPassphrase()
    {
        await using var server = await FakeElasticsearch.StartAsync(new ServerTls(_pki.Server, _pki.Issued));
        await using var es = EsOutput.For(server, $"""
                ssl.certificate_authorities: ['{_pki.CaFile}']
                ssl.certificate: '{_pki.ClientCertificateFile}'
                ssl.key: '{_pki.EncryptedClientKeyFile}'
                ssl.key_passphrase: '{TestPki.KeyPassphrase}'
            """);

        var batch = await es.SendAsync(1);

        Assert.Equal(EventOutcome.Acknowledged, batch.OutcomeOf(0));
        Assert.Equal("CN=shipper-client", Assert.Single(server.BulkRequests).ClientCertificate);
    }

    [Fact]
    public void AWrongKeyPassphraseIsAConfigErrorAtTheKeyThatDoesNotEchoIt()
    {
        var error = Assert.Throws<Shipper.Config.ConfigException>(() => new EsOutput($"""
            output.elasticsearch:
                hosts: ['https://127.0.0.1:9']
                ssl.certificate: '{_pki.ClientCertificateFile}'
                ssl.key: '{_pki.EncryptedClientKeyFile}'
                ssl.key_passphrase: 'not-the-passphrase-99'
            """));

        Assert.Contains("output.elasticsearch.ssl.key", error.Message, StringComparison.Ordinal);
        Assert.Contains("ssl.key_passphrase", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-passphrase-99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACaFileWithoutACertificateIsAConfigError()
    {
        var notPem = _pki.Write("not-a-ca.pem", "just some text\n");

        var error = Assert.Throws<Shipper.Config.ConfigException>(() => new EsOutput($"""
            output.elasticsearch:
                hosts: ['https://127.0.0.1:9']
                ssl.certificate_authorities: ['{notPem}']
            """));

        Assert.Contains("output.elasticsearch.ssl.certificate_authorities.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("holds no PEM certificate", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _pki.Dispose();
}
