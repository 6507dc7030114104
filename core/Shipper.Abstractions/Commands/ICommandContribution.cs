namespace Shipper.Commands;

/// <summary>
/// A command a plugin adds to the <c>shipper</c> CLI, such as <c>show auditd-rules</c>, so the host needs no
/// knowledge of the module. Register as <c>services.AddSingleton&lt;ICommandContribution, MyCommand&gt;()</c>.
/// </summary>
public interface ICommandContribution
{
    /// <summary>The words that invoke it, e.g. <c>["show", "auditd-rules"]</c>.</summary>
    IReadOnlyList<string> Words { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Summary { get; }

    /// <summary>
    /// The module type whose first configured block the command receives in
    /// <see cref="CommandContext.ModuleConfig"/> (e.g. <c>auditd</c>), or null.
    /// </summary>
    string? ModuleType { get; }

    /// <summary>
    /// The output type whose <c>output.&lt;type&gt;</c> block the command receives in
    /// <see cref="CommandContext.OutputConfig"/> (e.g. <c>elasticsearch</c> for <c>setup</c>), or null. Default null.
    /// </summary>
    string? OutputType => null;

    /// <summary>Runs the command; returns the process exit code (0 success, 1 failure, 2 bad usage).</summary>
    Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken);
}
