using Shipper.Config;
using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Metadata;

/// <summary><c>add_process_metadata</c> settings.</summary>
internal sealed class AddProcessMetadataOptions : ProcessorOptions, IValidatable
{
    /// <summary><c>match_pids</c>: fields holding a pid, tried in order; the first that holds one is used. Required.</summary>
    public List<string> MatchPids { get; set; } = [];

    /// <summary><c>target</c>: where the <c>process.*</c> and <c>container.id</c> fields go. Default: the top of the event.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary><c>include_fields</c>: write only these of the fields (e.g. <c>process.name</c>, <c>container.id</c>). Default: all.</summary>
    public List<string> IncludeFields { get; set; } = [];

    /// <summary><c>overwrite_keys</c>: replace fields the event already has. Default false: only missing fields are filled.</summary>
    public bool OverwriteKeys { get; set; }

    /// <summary><c>ignore_missing</c>: an event with none of the <c>match_pids</c> fields is not an error. Default true.</summary>
    public bool IgnoreMissing { get; set; } = true;

    /// <summary><c>host_path</c>: the root under which <c>proc/</c> and <c>etc/passwd</c> are read (e.g. <c>/hostfs</c> in a container). Default <c>/</c>.</summary>
    public string HostPath { get; set; } = "/";

    /// <summary><c>cache.ttl</c>: how long a process's data is reused. Default 30s.</summary>
    public CacheOptions Cache { get; set; } = new() { Ttl = TimeSpan.FromSeconds(30) };

    public void Validate(ValidationErrors errors)
    {
        if (MatchPids.Count == 0)
        {
            errors.Add("match_pids", "is required: the fields holding a pid, e.g. [process.pid, process.parent.pid]");
        }

        for (var i = 0; i < IncludeFields.Count; i++)
        {
            if (!ProcessInfo.Fields.Contains(IncludeFields[i]))
            {
                errors.Add($"include_fields.{i}", $"'{IncludeFields[i]}' is not one of {string.Join(", ", ProcessInfo.Fields)}");
            }
        }

        if (Cache.Ttl <= TimeSpan.Zero)
        {
            errors.Add("cache.ttl", "must be a positive duration, such as 30s");
        }
    }
}
