namespace Shipper.Processors.Standard.Fields;

/// <summary>What <c>convert</c> does with <c>from</c> when it writes to another field.</summary>
internal enum ConvertMode
{
    /// <summary>Keep the source field.</summary>
    Copy,

    /// <summary>Remove the source field.</summary>
    Rename,
}
