namespace GanSharp.Runs;

/// <summary>Where a run's tensors live.</summary>
public enum ComputeDevice
{
    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>A CUDA GPU (needs a CUDA build of TorchSharp).</summary>
    Cuda,
}
