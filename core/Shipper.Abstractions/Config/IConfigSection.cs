namespace Shipper.Config;

/// <summary>
/// One block of the effective configuration (after files were merged, variables expanded and
/// <c>-E</c> overrides applied), such as a module's <c>- module: auditd</c> entry or <c>output.file</c>.
/// Immutable and safe to read from any thread.
/// </summary>
public interface IConfigSection
{
    /// <summary>The full dotted path of this block, e.g. <c>shipper.modules.0</c> or <c>output.file</c>.</summary>
    string Path { get; }

    /// <summary>Where the block starts.</summary>
    ConfigLocation Location { get; }

    /// <summary>The keys directly under this block, in the order written. Empty for lists and scalars.</summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>The child block at <paramref name="key"/> (a dotted path is allowed), or null when absent.</summary>
    IConfigSection? GetSection(string key);

    /// <summary>The items of this block when it is a list; empty otherwise.</summary>
    IReadOnlyList<IConfigSection> Items { get; }

    /// <summary>The scalar text of this block when it is a scalar (after variable expansion); null otherwise.</summary>
    string? Value { get; }

    /// <summary>
    /// Binds this block into a new options object. Keys map to properties by snake_case name (or
    /// <see cref="ConfigKeyAttribute"/>). Unknown keys, wrong types and out-of-range values throw
    /// <see cref="ConfigException"/> naming the key's path, file, line and column. Options that implement
    /// <see cref="IValidatable"/> are validated after binding. Properties left unset keep their initialisers,
    /// which are the documented defaults.
    /// </summary>
    T Bind<T>()
        where T : class, new();

    /// <summary>A view of this block without the given top-level keys, for passing the rest to a plugin.</summary>
    IConfigSection Without(params string[] keys);

    /// <summary>Creates an error located at <paramref name="key"/> inside this block (or at the block when absent).</summary>
    ConfigException Error(string key, string message);
}
