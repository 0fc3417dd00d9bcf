namespace GanSharp.Gan;

/// <summary>How both players' learning rates change over a run.</summary>
public enum LearningRateSchedule
{
    /// <summary>η(t) = η₀ throughout, as in Algorithm 1.</summary>
    Constant,

    /// <summary>
    /// η(t) = η₀ · (1 − t / T) for iteration t = 0 … T − 1: the late, small steps let G settle on the modes
    /// instead of circling them (on the ring, σ = 0.02, a sample only counts within 3σ = 0.06 of a mode).
    /// </summary>
    Linear,
}
