namespace Shipper.Core.Plugins;

/// <summary>The plugin folders under <c>path.home</c>, each holding one sub-folder per plugin.</summary>
public enum PluginKind
{
    /// <summary><c>modules/&lt;name&gt;/</c>: event sources.</summary>
    Module,

    /// <summary><c>outputs/&lt;name&gt;/</c>: destinations.</summary>
    Output,

    /// <summary><c>processors/&lt;name&gt;/</c>: event transformations.</summary>
    Processor,
}
