using Shipper.Events;
using Shipper.Processors;

namespace Shipper.Core.Pipeline;

/// <summary>What one module's client adds to its events (the module block's <c>processors</c>, <c>fields</c>, <c>tags</c>, <c>index</c>).</summary>
public sealed class ClientSettings
{
    /// <summary>The module's own processors, run before the built-in fields are added. Default none.</summary>
    public IReadOnlyList<IProcessor> Processors { get; set; } = [];

    /// <summary>The module's <c>fields</c>: added under <c>fields</c>, or at the root with <see cref="FieldsUnderRoot"/>. Default none.</summary>
    public FieldMap? Fields { get; set; }

    /// <summary>The module's <c>fields_under_root</c>. Default false.</summary>
    public bool FieldsUnderRoot { get; set; }

    /// <summary>The module's <c>tags</c>, appended to the event's <c>tags</c> (a tag already there is not repeated). Default none.</summary>
    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>The module's <c>index</c>: written to <c>@metadata.index</c> when set, for outputs that route by it. Default none.</summary>
    public string? Index { get; set; }
}
