namespace Shipper.Core.Pipeline;

/// <summary>What a stop achieved.</summary>
/// <param name="Delivered">Events the output acknowledged (or reported as duplicates) while the stop was draining.</param>
/// <param name="Dropped">Events the output rejected for good while the stop was draining.</param>
/// <param name="Abandoned">Events still queued or in flight when the stop gave up: they were not delivered.</param>
/// <param name="TimedOut">True when the drain timeout (or the stop's cancellation) cut the drain short.</param>
public readonly record struct PipelineStopResult(long Delivered, long Dropped, long Abandoned, bool TimedOut);
