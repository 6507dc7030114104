using Shipper.Config;

namespace Shipper.Core.Config;

/// <summary>
/// The errors of one bind. One error is thrown as it is; several become one <see cref="ConfigException"/>
/// whose key and location are the first error's and whose message has one line per error, in file order.
/// </summary>
internal sealed class BindErrors
{
    private readonly List<ConfigException> _errors = [];

    public int Count => _errors.Count;

    public void Add(string message, string path, ConfigLocation location) => _errors.Add(new ConfigException(message, path, location));

    public void ThrowIfAny()
    {
        if (_errors.Count == 0)
        {
            return;
        }

        var first = _errors[0];
        if (_errors.Count == 1)
        {
            throw first;
        }

        var rest = string.Join('\n', _errors.Skip(1).Select(e => e.Message));
        throw new ConfigException($"{first.Reason}\n{rest}", first.KeyPath, first.Location, first);
    }
}
