namespace Shipper.Modules.Auditd.Tests.Kernel;

/// <summary>
/// Every test that touches the kernel's audit state belongs here: they run one at a time, after the kernel's
/// state was saved, and it is put back when the collection ends (and after each test deriving from
/// <see cref="KernelTest"/>).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelCollectionDefinition : ICollectionFixture<KernelStateFixture>
{
    public const string Name = "kernel";
}
