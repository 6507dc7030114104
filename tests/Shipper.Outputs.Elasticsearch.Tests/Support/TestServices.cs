namespace Shipper.Outputs.Elasticsearch.Tests.Support;

/// <summary>A service provider holding a few instances by type, like the host's container as seen by a plugin.</summary>
internal sealed class TestServices : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = [];

    public TestServices Add<T>(T service)
        where T : notnull
    {
        _services[typeof(T)] = service;
        return this;
    }

    public object? GetService(Type serviceType) => _services.GetValueOrDefault(serviceType);
}
