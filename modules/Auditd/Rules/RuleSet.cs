namespace Shipper.Modules.Auditd.Rules;

/// <summary>The configured rules after reading every source: what to install, in order, and what was set aside.</summary>
/// <param name="Rules">The rules to add, in the order written (deletions applied).</param>
/// <param name="Notices">Lines that were read but need no action (e.g. <c>-D</c>), as messages.</param>
/// <param name="Skipped">Bad lines skipped because <c>ignore_errors</c> is on.</param>
/// <param name="Files">The rule files read, in order.</param>
public sealed record RuleSet(IReadOnlyList<RuleLine> Rules, IReadOnlyList<string> Notices, IReadOnlyList<RuleException> Skipped, IReadOnlyList<string> Files);
