namespace GanSharp.Distributions;

/// <summary>A distribution made of well-separated modes, each an isotropic Gaussian: the setting of the mode metrics.</summary>
public interface IModalDistribution : ITargetDistribution
{
    /// <summary>Mode centres, [K][d].</summary>
    IReadOnlyList<double[]> Modes { get; }

    /// <summary>Standard deviation σ of every mode.</summary>
    double ModeStddev { get; }
}
