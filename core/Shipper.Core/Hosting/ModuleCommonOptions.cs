using Shipper.Config;
using Shipper.Events;

namespace Shipper.Core.Hosting;

/// <summary>The keys of a <c>- module:</c> block that the host handles; the rest belongs to the module.</summary>
public sealed class ModuleCommonOptions
{
    /// <summary>The keys listed here, hidden from the module's own binding.</summary>
    public static readonly string[] Keys = ["module", "enabled", "processors", "fields", "fields_under_root", "tags", "index"];

    /// <summary><c>module</c>: the module type. Required.</summary>
    public string Module { get; set; } = string.Empty;

    /// <summary><c>enabled</c>: set false to keep a block without running it. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>processors</c>: run on this module's events before the global ones.</summary>
    public IConfigSection? Processors { get; set; }

    /// <summary><c>fields</c>: added to this module's events.</summary>
    public FieldMap? Fields { get; set; }

    /// <summary><c>fields_under_root</c>. Default false.</summary>
    public bool FieldsUnderRoot { get; set; }

    /// <summary><c>tags</c>: added to this module's events.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary><c>index</c>: sets <c>@metadata.index</c> for this module's events.</summary>
    public string? Index { get; set; }
}
