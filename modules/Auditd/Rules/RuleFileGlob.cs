using Shipper.Config;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>
/// Expands one <c>audit_rule_files</c> entry: a path, relative ones under <c>path.config</c>, whose file name may
/// hold <c>*</c> and <c>?</c>. Matches come in lexicographical (ordinal) order; hidden files are not matched. A
/// pattern without wildcards must name an existing file; a pattern with wildcards may match nothing.
/// </summary>
internal static class RuleFileGlob
{
    private static readonly char[] Wildcards = ['*', '?'];

    public static IReadOnlyList<string> Expand(string pattern, ShipperPaths? paths)
    {
        var full = paths is null ? Path.GetFullPath(pattern) : paths.ResolveConfigPath(pattern);
        var directory = Path.GetDirectoryName(full) ?? "/";
        var name = Path.GetFileName(full);
        if (directory.IndexOfAny(Wildcards) >= 0)
        {
            throw new RuleException($"wildcards are supported in the file name only, not in folders: {pattern}", "audit_rule_files", 0, null);
        }

        if (name.IndexOfAny(Wildcards) < 0)
        {
            return File.Exists(full)
                ? [full]
                : throw new RuleException($"rule file not found: {full}", "audit_rule_files", 0, null);
        }

        if (!Directory.Exists(directory))
        {
            return [];
        }

        var options = new EnumerationOptions { MatchType = MatchType.Simple, MatchCasing = MatchCasing.CaseSensitive, RecurseSubdirectories = false };
        var files = Directory.EnumerateFiles(directory, name, options).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
