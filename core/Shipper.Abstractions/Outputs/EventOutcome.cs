namespace Shipper.Outputs;

/// <summary>What became of one event of a batch.</summary>
public enum EventOutcome
{
    /// <summary>No outcome yet; treated as <see cref="Retry"/> when the batch completes.</summary>
    Pending = 0,

    /// <summary>Delivered and acknowledged by the destination.</summary>
    Acknowledged,

    /// <summary>The destination already had it (e.g. HTTP 409); acknowledged, counted as a duplicate.</summary>
    Duplicate,

    /// <summary>Temporarily refused; retried with backoff.</summary>
    Retry,

    /// <summary>Refused because the destination is overloaded (e.g. HTTP 429); retried with backoff, counted as <c>toomany</c>.</summary>
    TooMany,

    /// <summary>Permanently refused (e.g. a mapping error); never retried, counted as dropped with its reason.</summary>
    Dropped,
}
