namespace Shipper.Modules.Auditd.Tests.Kernel;

/// <summary>A base for kernel tests: the saved kernel state is put back after every test.</summary>
[Collection(KernelCollectionDefinition.Name)]
public abstract class KernelTest(KernelStateFixture kernel) : IDisposable
{
    protected KernelStateFixture Kernel { get; } = kernel;

    public void Dispose()
    {
        Kernel.Restore();
        GC.SuppressFinalize(this);
    }
}
