using Shipper.Config;
using Shipper.Events;

namespace Shipper.Core.Tests.Config;

/// <summary>An options class with every kind of property the binder supports.</summary>
public sealed class SampleOptions : IValidatable
{
    public string Name { get; set; } = "default";

    public string? Description { get; set; }

    public bool Enabled { get; set; }

    public int BacklogLimit { get; set; } = 8192;

    public long Bytes { get; set; }

    public uint RateLimit { get; set; }

    public ulong Big { get; set; }

    public double Ratio { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan? Grace { get; set; }

    public SampleMode Mode { get; set; }

    public int? Optional { get; set; }

    public List<string> Tags { get; set; } = [];

    public int[] Ports { get; set; } = [];

    public IReadOnlyList<TimeSpan> Periods { get; set; } = [];

    public Dictionary<string, int> Limits { get; set; } = [];

    public SampleChild Child { get; set; } = new();

    public List<SampleChild> Children { get; set; } = [];

    public FieldMap? Fields { get; set; }

    public IConfigSection? Raw { get; set; }

    [ConfigKey("rotateeverybytes")]
    public long RotateEveryBytes { get; set; }

    [ConfigIgnore]
    public string Ignored { get; set; } = "untouched";

    public string? Password { get; set; }

    [Secret]
    public string? Credentials { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (Name == "invalid")
        {
            errors.Add("name", "must not be 'invalid'");
        }

        errors.InRange("backlog_limit", BacklogLimit, 0, 100_000);
    }
}
