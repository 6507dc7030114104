namespace Shipper.Core.Plugins;

/// <summary>A plugin folder could not be loaded; the message names the folder and the reason.</summary>
public sealed class PluginLoadException : Exception
{
    /// <summary>Creates the error.</summary>
    public PluginLoadException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error.</summary>
    public PluginLoadException()
        : this("plugin could not be loaded")
    {
    }

    /// <summary>Creates the error.</summary>
    public PluginLoadException(string message)
        : this(message, null)
    {
    }
}
