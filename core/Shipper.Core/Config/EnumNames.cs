using System.Collections.Concurrent;

namespace Shipper.Core.Config;

/// <summary>Enum members as written in configuration: the snake_case of the member name (<c>Warning</c> ↔ <c>warning</c>).</summary>
internal static class EnumNames
{
    private static readonly ConcurrentDictionary<Type, (string Name, object Value)[]> Cache = new();

    public static IReadOnlyList<string> Accepted(Type type) => [.. Members(type).Select(m => m.Name)];

    public static bool TryParse(Type type, string text, out object? value)
    {
        var wanted = text.Trim();
        foreach (var (name, member) in Members(type))
        {
            // The plain member name ("WarningOnly" as "warningonly") is accepted too, in any case.
            if (wanted.Equals(name, StringComparison.OrdinalIgnoreCase) || wanted.Equals(member.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                value = member;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The written form of <paramref name="value"/>.</summary>
    public static string Format(Enum value) => Naming.SnakeCase(value.ToString());

    private static (string Name, object Value)[] Members(Type type) =>
        Cache.GetOrAdd(type, t => [.. Enum.GetNames(t).Select(n => (Naming.SnakeCase(n), Enum.Parse(t, n)))]);
}
