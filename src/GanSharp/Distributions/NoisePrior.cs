namespace GanSharp.Distributions;

/// <summary>The prior p_z from which the generator's noise z is drawn.</summary>
public enum NoisePrior
{
    /// <summary>z ~ N(0, I).</summary>
    Normal,

    /// <summary>z ~ U(−1, 1)^d.</summary>
    Uniform,
}
