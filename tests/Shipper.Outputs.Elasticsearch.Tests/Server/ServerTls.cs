using System.Security.Cryptography.X509Certificates;

namespace Shipper.Outputs.Elasticsearch.Tests.Server;

/// <summary>HTTPS for the test server: its certificate and, when set, the check a client certificate must pass (one is then required).</summary>
internal sealed record ServerTls(X509Certificate2 Certificate, Func<X509Certificate2, bool>? RequireClientCertificate = null);
