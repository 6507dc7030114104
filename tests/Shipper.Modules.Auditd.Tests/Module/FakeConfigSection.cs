using Shipper.Config;

namespace Shipper.Modules.Auditd.Tests.Module;

/// <summary>A module block whose binding is given: it returns <paramref name="bound"/> and lists <paramref name="keys"/> as written.</summary>
internal sealed class FakeConfigSection(object bound, params string[] keys) : IConfigSection
{
    public string Path => "shipper.modules.0";

    public ConfigLocation Location => new("shipper.yml", 3, 3);

    public IReadOnlyList<string> Keys => keys;

    public IReadOnlyList<IConfigSection> Items => [];

    public string? Value => null;

    public T Bind<T>()
        where T : class, new() => (T)bound;

    public ConfigException Error(string key, string message) => new(message, $"{Path}.{key}", Location);

    public IConfigSection? GetSection(string key) => null;

    public IConfigSection Without(params string[] keys) => this;
}
