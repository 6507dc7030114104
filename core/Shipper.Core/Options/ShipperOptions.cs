using Shipper.Config;
using Shipper.Events;

namespace Shipper.Core.Options;

/// <summary>The whole configuration file, as bound from the merged YAML. Unknown top-level keys are errors.</summary>
public sealed class ShipperOptions
{
    /// <summary><c>shipper.*</c>: the modules to run and shutdown behaviour.</summary>
    public ShipperSection Shipper { get; set; } = new();

    /// <summary>
    /// <c>output.&lt;type&gt;</c> blocks; exactly one must be enabled. Kept raw: each output plugin binds its own block.
    /// </summary>
    public IConfigSection? Output { get; set; }

    /// <summary>Global <c>processors:</c>, run after each module's own processors. Kept raw for the chain builder.</summary>
    public IConfigSection? Processors { get; set; }

    /// <summary><c>queue.*</c>.</summary>
    public QueueOptions Queue { get; set; } = new();

    /// <summary><c>logging.*</c>.</summary>
    public LoggingOptions Logging { get; set; } = new();

    /// <summary><c>http.*</c>: the monitoring endpoint.</summary>
    public HttpOptions Http { get; set; } = new();

    /// <summary><c>path.*</c>.</summary>
    public PathOptions Path { get; set; } = new();

    /// <summary><c>setup.*</c>: index management settings read by outputs (kept raw).</summary>
    public IConfigSection? Setup { get; set; }

    /// <summary><c>name</c>: the shipper's name in <c>agent.name</c>; default the host name.</summary>
    public string? Name { get; set; }

    /// <summary><c>tags</c>: added to every event's <c>tags</c>.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary><c>fields</c>: added to every event, under <c>fields</c> unless <see cref="FieldsUnderRoot"/>.</summary>
    public FieldMap? Fields { get; set; }

    /// <summary><c>fields_under_root</c>: put <see cref="Fields"/> at the top of the document. Default false.</summary>
    public bool FieldsUnderRoot { get; set; }
}
