namespace GanSharp.Runs;

/// <summary>What a run trains on, which decides the settings and outputs that apply to it.</summary>
public enum DataKind
{
    /// <summary>1D or 2D points: a built-in target or a .csv/.txt/.npy file (infinite or resampled data, MLP players, frames and mode metrics).</summary>
    Points,

    /// <summary>Images: Fashion-MNIST, MNIST or a folder of pictures (epochs over finite data, sample grids, TensorBoard, FD).</summary>
    Images,
}
