using Shipper.Config;

namespace Shipper.Outputs.Elasticsearch.Options;

/// <summary>
/// <c>non_indexable_policy</c>: <c>drop: ~</c> (the default) or <c>dead_letter_index.index: NAME</c>. Events
/// Elasticsearch refuses for good (a 4xx other than 409 and 429, such as a mapping error) are logged with the
/// reason and counted as dropped; with a dead-letter index they are also written there, wrapped as text.
/// </summary>
public sealed class NonIndexablePolicyOptions : IValidatable
{
    /// <summary><c>drop</c>: only drop (the default). Takes no settings.</summary>
    public IConfigSection? Drop { get; set; }

    /// <summary><c>dead_letter_index</c>: where refused events are written.</summary>
    [ConfigKey("dead_letter_index")]
    public DeadLetterIndexOptions? DeadLetterIndex { get; set; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Drop is not null && DeadLetterIndex is not null)
        {
            errors.Add("dead_letter_index", "choose one policy: drop or dead_letter_index");
        }

        if (Drop is { Value: { Length: > 0 } } or { Keys.Count: > 0 })
        {
            errors.Add("drop", "takes no settings");
        }
    }
}

/// <summary><c>non_indexable_policy.dead_letter_index.*</c>.</summary>
public sealed class DeadLetterIndexOptions
{
    /// <summary><c>index</c>: the dead-letter index (format string). Required.</summary>
    public string? Index { get; set; }
}
