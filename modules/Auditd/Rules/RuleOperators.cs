using static Shipper.Modules.Auditd.Rules.AuditRuleConstants;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>Splits <c>field OP value</c> the way auditctl does and prints operators back.</summary>
internal static class RuleOperators
{
    // auditctl looks for each operator in this order anywhere in the text, so "a<=b" is <= and "a=b>c" is =.
    private static readonly (string Symbol, uint Op)[] SearchOrder =
    [
        ("!=", OpNotEqual), (">=", OpGreaterThanOrEqual), ("<=", OpLessThanOrEqual), ("&=", OpBitTest),
        ("=", OpEqual), (">", OpGreaterThan), ("<", OpLessThan), ("&", OpBitMask),
    ];

    /// <summary>Finds the operator; false when the text has none.</summary>
    public static bool TrySplit(string pair, out string field, out uint op, out string value, bool comparisonOnly = false)
    {
        foreach (var (symbol, candidate) in SearchOrder)
        {
            if (comparisonOnly && candidate is not (OpEqual or OpNotEqual))
            {
                continue;
            }

            var at = pair.IndexOf(symbol, StringComparison.Ordinal);
            if (at >= 0)
            {
                field = pair[..at];
                op = candidate;
                value = pair[(at + symbol.Length)..];
                return true;
            }
        }

        field = value = string.Empty;
        op = 0;
        return false;
    }

    /// <summary>The symbol auditctl prints for an operator.</summary>
    public static string Symbol(uint op) => op switch
    {
        OpEqual => "=",
        OpNotEqual => "!=",
        OpGreaterThan => ">",
        OpGreaterThanOrEqual => ">=",
        OpLessThan => "<",
        OpLessThanOrEqual => "<=",
        OpBitMask => "&",
        OpBitTest => "&=",
        _ => "?",
    };
}
