using System.Collections.Frozen;
using System.Globalization;
using Shipper.Modules.Auditd.Interpretation;

namespace Shipper.Modules.Auditd.Normalization;

/// <summary>The embedded <c>Normalizations.txt</c>, indexed by syscall name and record type name. Thread-safe.</summary>
internal sealed class NormalizationTable
{
    private static readonly Lazy<NormalizationTable> Embedded = new(() => Parse(ReadEmbedded()));

    private NormalizationTable(FrozenDictionary<string, NormalizationRule> bySyscall, FrozenDictionary<string, NormalizationRule[]> byRecordType)
    {
        BySyscall = bySyscall;
        ByRecordType = byRecordType;
    }

    public static NormalizationTable Default => Embedded.Value;

    public FrozenDictionary<string, NormalizationRule> BySyscall { get; }

    public FrozenDictionary<string, NormalizationRule[]> ByRecordType { get; }

    /// <summary>The rule for a syscall name, or the catch-all rule.</summary>
    public NormalizationRule? ForSyscall(string syscall) =>
        BySyscall.TryGetValue(syscall, out var rule) ? rule : BySyscall.GetValueOrDefault("*");

    public static NormalizationTable Parse(string text)
    {
        var bySyscall = new Dictionary<string, NormalizationRule>(StringComparer.Ordinal);
        var byRecordType = new Dictionary<string, List<NormalizationRule>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var rule = ParseLine(line, lineNumber);
            foreach (var syscall in rule.Syscalls)
            {
                if (!bySyscall.TryAdd(syscall, rule))
                {
                    throw new FormatException($"Normalizations.txt line {lineNumber}: syscall {syscall} is mapped twice");
                }
            }

            foreach (var type in rule.RecordTypes)
            {
                if (!byRecordType.TryGetValue(type, out var rules))
                {
                    byRecordType[type] = rules = [];
                }

                rules.Add(rule);
            }
        }

        return new NormalizationTable(
            bySyscall.ToFrozenDictionary(StringComparer.Ordinal),
            byRecordType.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    private static NormalizationRule ParseLine(string line, int lineNumber)
    {
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var pair in line.Split('\t'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"Normalizations.txt line {lineNumber}: '{pair}' is not name=value");
            }

            values[pair[..equals]] = pair[(equals + 1)..].Split(',');
        }

        string[] List(string key) => values.TryGetValue(key, out var v) ? v : [];
        FieldKey[] Keys(string key) => [.. List(key).Select(FieldKey.Of)];
        string? One(string key) => values.TryGetValue(key, out var v) ? v[0] : null;
        return new NormalizationRule
        {
            Syscalls = List("syscalls"),
            RecordTypes = List("record_types"),
            Action = One("action"),
            SubjectPrimary = Keys("subject.primary"),
            SubjectSecondary = Keys("subject.secondary"),
            ObjectPrimary = Keys("object.primary"),
            ObjectSecondary = Keys("object.secondary"),
            ObjectType = One("object.type"),
            ObjectPathIndex = One("object.path_index") is { } index ? int.Parse(index, CultureInfo.InvariantCulture) : 0,
            How = Keys("how"),
            SourceIp = Keys("source_ip"),
            HasFields = Keys("has_fields"),
            EcsKind = One("ecs.kind"),
            EcsCategory = List("ecs.category"),
            EcsType = List("ecs.type"),
            Mappings = [.. List("ecs.map").Select(m => m.Split('>')).Select(p => EcsMapping.Parse(p[0], p[1]))],
        };
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(NormalizationTable).Assembly.GetManifestResourceStream("Shipper.Modules.Auditd.Normalizations.txt")
            ?? throw new InvalidOperationException("the Normalizations.txt resource is missing from the auditd module");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
