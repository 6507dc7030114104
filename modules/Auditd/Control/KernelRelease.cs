namespace Shipper.Modules.Auditd.Control;

/// <summary>The running kernel's version, for features that depend on it (multicast needs 3.16).</summary>
public static class KernelRelease
{
    /// <summary>Reads <c>/proc/sys/kernel/osrelease</c>; 0.0 when it cannot be read.</summary>
    public static Version Current()
    {
        try
        {
            return Parse(File.ReadAllText("/proc/sys/kernel/osrelease"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Version(0, 0);
        }
    }

    /// <summary><c>6.18.44-fc-v669</c> → 6.18.44; anything unreadable → 0.0.</summary>
    public static Version Parse(string release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var numbers = new List<int>(3);
        foreach (var part in release.Trim().Split('.', 3))
        {
            var digits = new string([.. part.TakeWhile(char.IsAsciiDigit)]);
            if (digits.Length == 0 || !int.TryParse(digits, out var number))
            {
                break;
            }

            numbers.Add(number);
            if (digits.Length != part.Length)
            {
                break;
            }
        }

        return numbers.Count switch
        {
            0 or 1 => new Version(numbers.Count == 1 ? numbers[0] : 0, 0),
            2 => new Version(numbers[0], numbers[1]),
            _ => new Version(numbers[0], numbers[1], numbers[2]),
        };
    }
}
