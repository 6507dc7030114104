namespace Shipper.Core.Tests.Pipeline;

/// <summary>
/// Tests that read process-wide memory (live heap, bytes allocated on every thread) run alone: another test's
/// events would otherwise count as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuring
{
    public const string Name = "memory measuring";
}
