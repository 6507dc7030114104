namespace Shipper.Config;

/// <summary>
/// Marks an options property whose value is a secret. Besides keys named like secrets
/// (<c>password</c>, <c>api_key</c>, <c>token</c>, <c>secret</c>, <c>passphrase</c>), such values are
/// masked by <c>shipper export config</c> and never appear in logs or errors.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SecretAttribute : Attribute
{
}
