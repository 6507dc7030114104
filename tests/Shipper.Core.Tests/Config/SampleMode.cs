namespace Shipper.Core.Tests.Config;

public enum SampleMode
{
    Fast,
    VerySafe,
}
