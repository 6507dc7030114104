using Shipper.Modules.Auditd.Tables;
using static Shipper.Modules.Auditd.Rules.AuditRuleConstants;

namespace Shipper.Modules.Auditd.Rules;

/// <summary>Adds a <c>-C field OP field</c> comparison (AUDIT_FIELD_COMPARE) as auditctl does.</summary>
internal static class ComparisonCompiler
{
    public static void Add(RuleLineState state, string pair)
    {
        var text = "-C " + pair;
        if (state.Rule.Fields.Count >= MaxFields - 1)
        {
            throw new RuleSyntaxException($"too many fields in the rule (the kernel takes {MaxFields - 1})", text);
        }

        if (!RuleOperators.TrySplit(pair, out var left, out var op, out var right, comparisonOnly: true))
        {
            throw new RuleSyntaxException($"{pair} only takes = or != operators", text);
        }

        if (left.Length == 0 || right.Length == 0)
        {
            throw new RuleSyntaxException($"-C needs a field on both sides of the operator: {pair}", text);
        }

        var first = Name(left, text);
        var second = Name(right, text);
        if (state.List != FilterExit)
        {
            throw new RuleSyntaxException($"{left} can only be used with exit filter list", text);
        }

        if (!CompareTable.TryGetId(first, second, out var compare) && !CompareTable.TryGetId(second, first, out compare))
        {
            throw new RuleSyntaxException($"-C incompatible comparison {left} and {right} (compare uids with uids and gids with gids)", text);
        }

        state.Rule.AddField(FieldCompare, op, (uint)compare);
    }

    /// <summary>The field's name as linux/audit.h spells it in AUDIT_COMPARE_* (auid for loginuid).</summary>
    private static string Name(string field, string text)
    {
        if (!FieldTable.TryGetId(field, out var id) || !FieldTable.TryGetName(id, out var name))
        {
            throw new RuleSyntaxException($"-C unknown field: {field}", text);
        }

        return name;
    }
}
