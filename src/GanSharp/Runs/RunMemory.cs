using GanSharp.Models;
using GanSharp.Runtime;

namespace GanSharp.Runs;

/// <summary>
/// A rough estimate of the memory a run's batch or a sample count needs, from the number of activations one sample makes in G and D,
/// checked before anything is allocated (<see cref="ResourceBounds"/>).
/// </summary>
/// <remarks>
/// a_G, a_D: the sum of the layer output sizes of one sample (MLP: latent + layers × width + output; DCGAN: latent + Σᵢ F·2^(L−1−i) ·
/// (b·2ⁱ)² + C·S², the same grids for D). Training keeps every activation and its gradient for the real and the fake minibatch:
/// bytes ≈ 4 · 3 · 2m · (a_G + a_D) (four-byte floats; ×3 for the activation, its gradient and the nonlinearity's copy).
/// Sampling without gradients: bytes ≈ 4 · 2 · n · a_G (a layer's input and output live together). The estimate is meant to catch
/// values off by orders of magnitude, not to predict the peak.
/// </remarks>
public static class RunMemory
{
    /// <summary>Bytes per activation of a training step: four-byte floats × 3 (activation, gradient, copy) × 2 (real and fake minibatch).</summary>
    public const int TrainingBytesPerActivation = 4 * 3 * 2;

    /// <summary>Bytes per activation of sampling: four-byte floats × 2 (a layer's input and output).</summary>
    public const int SamplingBytesPerActivation = 4 * 2;

    /// <summary>a_G: activations of one sample through G.</summary>
    public static double GeneratorActivations(RunOptions options, long[] sampleShape) =>
        options.LatentDim + HiddenActivations(options, sampleShape, generator: true) + Elements(sampleShape);

    /// <summary>a_D: activations of one sample through D.</summary>
    public static double DiscriminatorActivations(RunOptions options, long[] sampleShape) =>
        Elements(sampleShape) + HiddenActivations(options, sampleShape, generator: false) + 1;

    /// <summary>Estimated bytes of one training step: <see cref="TrainingBytesPerActivation"/> · m · (a_G + a_D).</summary>
    public static double TrainingBytes(RunOptions options, long[] sampleShape) =>
        (double)TrainingBytesPerActivation * options.BatchSize * (GeneratorActivations(options, sampleShape) + DiscriminatorActivations(options, sampleShape));

    /// <summary>Estimated bytes of drawing <paramref name="n"/> samples from G at once: <see cref="SamplingBytesPerActivation"/> · n · a_G.</summary>
    public static double SamplingBytes(RunOptions options, long[] sampleShape, long n) =>
        (double)SamplingBytesPerActivation * n * GeneratorActivations(options, sampleShape);

    /// <summary>Throws when the batch size of <paramref name="options"/> needs more memory than the machine has.</summary>
    /// <exception cref="ArgumentException">The estimate exceeds the machine's memory; the message names the batch size and the estimate.</exception>
    public static void EnsureTrainingFits(RunOptions options, long[] sampleShape) =>
        ResourceBounds.EnsureMemory(TrainingBytes(options, sampleShape), $"batch size {options.BatchSize} (--batch-size)",
            $"estimated as {TrainingBytesPerActivation} bytes × batch × {GeneratorActivations(options, sampleShape) + DiscriminatorActivations(options, sampleShape):0} activations per sample in G and D");

    /// <summary>Throws when drawing <paramref name="n"/> samples at once needs more memory than the machine has; <paramref name="what"/> names the option.</summary>
    /// <exception cref="ArgumentException">The estimate exceeds the machine's memory.</exception>
    public static void EnsureSamplingFits(RunOptions options, long[] sampleShape, long n, string what) =>
        ResourceBounds.EnsureMemory(SamplingBytes(options, sampleShape, n), what,
            $"estimated as {SamplingBytesPerActivation} bytes × samples × {GeneratorActivations(options, sampleShape):0} activations per sample in G");

    private static double Elements(long[] shape) => shape.Aggregate(1.0, (product, side) => product * side);

    private static double HiddenActivations(RunOptions options, long[] sampleShape, bool generator)
    {
        if (options.Model == ModelKind.Mlp)
            return generator ? (double)(options.GLayers ?? 0) * (options.GWidth ?? 0) : (double)(options.DLayers ?? 0) * (options.DWidth ?? 0);
        var plan = new DcganArchitecture((int)sampleShape[^1], (int)sampleShape[0], options.LatentDim, (generator ? options.Features : options.DiscriminatorFeatures) ?? 0);
        double sum = 0;
        for (int level = 0; level < plan.Upsamplings; level++)
        {
            double side = plan.BaseSide << level;
            sum += plan.WidthAt(level) * side * side;
        }
        return sum;
    }
}
