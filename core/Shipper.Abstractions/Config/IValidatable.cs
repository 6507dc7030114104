namespace Shipper.Config;

/// <summary>An options class that checks itself after binding.</summary>
public interface IValidatable
{
    /// <summary>Adds one error per invalid key to <paramref name="errors"/>; adds nothing when valid.</summary>
    void Validate(ValidationErrors errors);
}
