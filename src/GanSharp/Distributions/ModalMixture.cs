using static TorchSharp.torch;

namespace GanSharp.Distributions;

/// <summary>An equal-weight mixture of isotropic Gaussians that share one σ: the ring and grid benchmarks.</summary>
public sealed class ModalMixture : IModalDistribution
{
    private readonly GaussianMixture _mixture;

    /// <param name="name">Short name for reports.</param>
    /// <param name="modes">Mode centres.</param>
    /// <param name="stddev">Shared standard deviation σ.</param>
    public ModalMixture(string name, IReadOnlyList<double[]> modes, double stddev)
    {
        _mixture = new GaussianMixture(name, modes, Enumerable.Repeat(stddev, modes.Count).ToArray());
        ModeStddev = stddev;
    }

    /// <summary>The underlying Gaussian mixture.</summary>
    public GaussianMixture Mixture => _mixture;

    /// <inheritdoc />
    public string Name => _mixture.Name;

    /// <inheritdoc />
    public int Dimension => _mixture.Dimension;

    /// <inheritdoc />
    public bool HasDensity => true;

    /// <inheritdoc />
    public IReadOnlyList<double[]> Modes => _mixture.Means;

    /// <inheritdoc />
    public double ModeStddev { get; }

    /// <inheritdoc />
    public Tensor Sample(long n, RandomStream stream) => _mixture.Sample(n, stream);

    /// <inheritdoc />
    public Tensor LogDensity(Tensor x) => _mixture.LogDensity(x);
}
