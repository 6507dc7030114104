namespace Shipper.Cli;

/// <summary>The process exit codes, as documented in <c>shipper --help</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>A failure while running: a module failed, an output test failed, events were lost at stop.</summary>
    public const int RuntimeFailure = 1;

    /// <summary>Bad usage or bad configuration: nothing was started.</summary>
    public const int UsageOrConfig = 2;
}
