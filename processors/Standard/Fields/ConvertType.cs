namespace Shipper.Processors.Standard.Fields;

/// <summary>The <c>type</c> a <c>convert</c> field is converted to.</summary>
internal enum ConvertType
{
    /// <summary>A 32-bit whole number.</summary>
    Integer,

    /// <summary>A 64-bit whole number.</summary>
    Long,

    /// <summary>A 32-bit floating point number.</summary>
    Float,

    /// <summary>A 64-bit floating point number.</summary>
    Double,

    /// <summary>Text.</summary>
    String,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>Text that must be an IPv4 or IPv6 address.</summary>
    Ip,
}
