namespace Shipper.Cli.CommandLine;

/// <summary>The command line itself is wrong; reported with exit code 2 and a pointer to <c>--help</c>.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
}
