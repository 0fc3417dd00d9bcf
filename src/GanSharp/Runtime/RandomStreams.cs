namespace GanSharp.Runtime;

/// <summary>Derives one seed per random stream from the run's seed, so each stream is reproducible on its own.</summary>
public static class RandomStreams
{
    /// <summary>Stream of model weight initialisation.</summary>
    public const int Weights = 0;

    /// <summary>Stream of real-data minibatches.</summary>
    public const int Data = 1;

    /// <summary>Stream of the training noise z.</summary>
    public const int Noise = 2;

    /// <summary>Stream of the fixed preview/evaluation noise.</summary>
    public const int Preview = 3;

    /// <summary>Stream of the replay buffer's draws of past samples.</summary>
    public const int Replay = 4;

    /// <summary>Stream of evaluation subsets (which images a probe or a metric reads).</summary>
    public const int Evaluation = 5;

    /// <summary>Stream of the fixed noise on which the averaged G's batch norm statistics are computed.</summary>
    public const int AverageNormalisation = 6;

    /// <summary>Stream of the random shifts of an evaluation classifier's training images.</summary>
    public const int Augmentation = 7;

    /// <summary>A seed for <paramref name="stream"/> (SplitMix64 of seed and stream), in [0, 2⁶²).</summary>
    public static long Seed(long seed, int stream)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)(stream + 1) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (long)(z >> 2);
    }
}
