using Shipper.Config;

namespace Shipper.Core.Options;

/// <summary>The level below which log lines are dropped.</summary>
public enum LogLevelOption
{
    /// <summary>Everything, including per-event detail.</summary>
    Debug,

    /// <summary>Start, stop and periodic metrics. The default.</summary>
    Info,

    /// <summary>Problems that were survived.</summary>
    Warning,

    /// <summary>Failures only.</summary>
    Error,
}

/// <summary><c>logging.*</c>. Logs never go to stdout, which carries events for <c>output.console</c>.</summary>
public sealed class LoggingOptions
{
    /// <summary><c>logging.level</c>: debug, info, warning or error. Default info.</summary>
    public LogLevelOption Level { get; set; } = LogLevelOption.Info;

    /// <summary><c>logging.selectors</c>: logger names shown at debug level (<c>*</c> for all). Default all.</summary>
    public List<string> Selectors { get; set; } = [];

    /// <summary><c>logging.to_stderr</c>: write logs to stderr. Default true (forced by <c>-e</c>).</summary>
    public bool ToStderr { get; set; } = true;

    /// <summary><c>logging.to_files</c>: write logs to rotating files under <c>logging.files.path</c>. Default false.</summary>
    public bool ToFiles { get; set; }

    /// <summary><c>logging.json</c>: ECS JSON lines instead of plain text. Default false.</summary>
    public bool Json { get; set; }

    /// <summary><c>logging.files.*</c>.</summary>
    public LogFilesOptions Files { get; set; } = new();

    /// <summary><c>logging.metrics.*</c>.</summary>
    public LogMetricsOptions Metrics { get; set; } = new();
}

/// <summary><c>logging.files.*</c>, with Beats' defaults.</summary>
public sealed class LogFilesOptions : IValidatable
{
    /// <summary><c>logging.files.path</c>: the folder. Default <c>${path.logs}</c>.</summary>
    public string? Path { get; set; }

    /// <summary><c>logging.files.name</c>: the file name. Default <c>shipper</c>.</summary>
    public string Name { get; set; } = "shipper";

    /// <summary><c>logging.files.rotateeverybytes</c>: rotate when a file reaches this size. Default 10 MiB.</summary>
    [ConfigKey("rotateeverybytes")]
    public long RotateEveryBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary><c>logging.files.keepfiles</c>: how many rotated files to keep, 2 to 1024. Default 7.</summary>
    [ConfigKey("keepfiles")]
    public int KeepFiles { get; set; } = 7;

    /// <summary><c>logging.files.permissions</c>: file mode, octal. Default 0600.</summary>
    public string Permissions { get; set; } = "0600";

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        errors.InRange("keepfiles", KeepFiles, 2, 1024);
        errors.InRange("rotateeverybytes", RotateEveryBytes, 1024, long.MaxValue);
        if (!FileModes.TryParse(Permissions, out _))
        {
            errors.Add("permissions", $"must be an octal file mode such as 0600, got '{Permissions}'");
        }
    }
}

/// <summary><c>logging.metrics.*</c>.</summary>
public sealed class LogMetricsOptions : IValidatable
{
    /// <summary><c>logging.metrics.enabled</c>: log non-zero metric changes periodically. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>logging.metrics.period</c>. Default 30s.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        if (Period < TimeSpan.FromMilliseconds(100))
        {
            errors.Add("period", "must be at least 100ms");
        }
    }
}
