using static TorchSharp.torch;

namespace GanSharp.Gan;

/// <summary>
/// What a <see cref="Runs.GanRun"/> drives: a trainer of a generative model, one iteration at a time, that can sample what it has learned.
/// <see cref="GanTrainer"/> (Algorithm 1) is one; the baselines the lecture sets GANs against (<see cref="Baselines.IBaselineTrainer"/>:
/// auto-encoders, VAEs, Gaussian mixtures fitted by EM) are the others. The run's observers (sample grids, FD, checkpoints) see only this.
/// </summary>
public interface IGenerativeTrainer : IDisposable
{
    /// <summary>Iterations completed so far.</summary>
    int Iteration { get; }

    /// <summary>One training iteration; returns its numbers (a baseline puts its loss in <see cref="IterationStats.GeneratorLoss"/>).</summary>
    /// <exception cref="TrainingDivergedException">A loss became non-finite.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Step is the word of the algorithm (and of GanTrainer); GanSharp has no Visual Basic callers.")]
    IterationStats Step();

    /// <summary><paramref name="n"/> samples of the model, their noise drawn from <paramref name="stream"/>, without gradients, on the CPU.</summary>
    Tensor Sample(long n, RandomStream stream);
}
