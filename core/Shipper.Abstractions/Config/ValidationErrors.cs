namespace Shipper.Config;

/// <summary>Collects validation errors by key; the binder turns them into located <see cref="ConfigException"/>s.</summary>
public sealed class ValidationErrors
{
    private readonly List<(string Key, string Message)> _errors = [];

    /// <summary>The errors added so far, in order.</summary>
    public IReadOnlyList<(string Key, string Message)> Items => _errors;

    /// <summary>True when no error was added.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Records that the value of <paramref name="key"/> (relative to the options block) is invalid.</summary>
    public void Add(string key, string message) => _errors.Add((key, message));

    /// <summary>Adds an error when <paramref name="value"/> is outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public void InRange(string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(key, $"must be between {min} and {max}, got {value}");
        }
    }
}
