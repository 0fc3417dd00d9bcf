using static TorchSharp.torch;

namespace GanSharp.Distributions;

/// <summary>A distribution P_data that the GAN learns: it can be sampled, and (where known) gives its exact log-density.</summary>
public interface ITargetDistribution
{
    /// <summary>A short name, e.g. <c>ring</c>.</summary>
    string Name { get; }

    /// <summary>Dimension d of a sample.</summary>
    int Dimension { get; }

    /// <summary>Whether <see cref="LogDensity"/> is available (false for a user's point file).</summary>
    bool HasDensity { get; }

    /// <summary>Draws <paramref name="n"/> samples, shape [n, d], float32, on the CPU.</summary>
    Tensor Sample(long n, RandomStream stream);

    /// <summary>log p(x) for each row of <paramref name="x"/> ([n, d]); shape [n], in x's floating dtype.</summary>
    /// <exception cref="InvalidOperationException">The distribution has no known density.</exception>
    Tensor LogDensity(Tensor x);
}
