using GanSharp.Checkpoints;
using GanSharp.Distributions;
using TorchSharp.PyBridge;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Runs;

/// <summary>The generator of a run, rebuilt from a checkpoint's settings and weights, for sampling, evaluation and export.</summary>
public sealed class GeneratorCheckpoint : IDisposable
{
    private GeneratorCheckpoint(string path, RunOptions options, Module<Tensor, Tensor> generator, int iteration, long[] sampleShape, bool isAverage)
    {
        IsAverage = isAverage;
        SampleShape = sampleShape;
        Path = path;
        Options = options;
        Generator = generator;
        Iteration = iteration;
    }

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }

    /// <summary>The settings of the run that wrote it.</summary>
    public RunOptions Options { get; }

    /// <summary>G, in eval mode (batch norm uses its running statistics).</summary>
    public Module<Tensor, Tensor> Generator { get; }

    /// <summary>Shape of one sample: [d] for points, [C, S, S] for images.</summary>
    public long[] SampleShape { get; }

    /// <summary>Whether <see cref="Generator"/> holds the moving average of G's weights (runs with <c>--ema</c>) rather than G's own.</summary>
    public bool IsAverage { get; }

    /// <summary>Iterations G had been trained for.</summary>
    public int Iteration { get; }

    /// <summary>
    /// Loads G from <paramref name="checkpointOrRun"/>: a checkpoint file, or a run folder meaning its latest checkpoint. A run with an
    /// EMA of G's weights gives the average (<see cref="IsAverage"/>) unless <paramref name="ownWeights"/> asks for G's own weights.
    /// </summary>
    /// <exception cref="FileNotFoundException">No checkpoint there.</exception>
    /// <exception cref="InvalidDataException">Not a GanSharp checkpoint, or weights of another architecture.</exception>
    public static GeneratorCheckpoint Load(string checkpointOrRun, bool ownWeights = false)
    {
        var path = CheckpointStore.Resolve(checkpointOrRun);
        var state = CheckpointFile.ReadState(path);
        var options = RunOptions.FromJson(CheckpointFile.ReadConfig(path), $"{path}: its entry {CheckpointFile.ConfigEntryName}");
        var generator = RunModels.CreateGenerator(options, state.SampleShape);
        bool isAverage;
        try
        {
            isAverage = CheckpointFile.LoadGenerator(path, generator, ownWeights);
        }
        catch
        {
            generator.Dispose();
            throw;
        }
        generator.eval();
        return new GeneratorCheckpoint(path, options, generator, state.Iteration, state.SampleShape, isAverage);
    }

    /// <summary>Throws when drawing <paramref name="n"/> samples at once needs more memory than the machine has (<see cref="RunMemory"/>); <paramref name="what"/> names the option.</summary>
    /// <exception cref="ArgumentException">The estimate exceeds the machine's memory, or <paramref name="n"/> is below 1.</exception>
    public void EnsureSamplingFits(long n, string what)
    {
        if (n < 1) throw new ArgumentException($"{what}: draw at least one sample.");
        RunMemory.EnsureSamplingFits(Options, SampleShape, n, what);
    }

    /// <summary>G(z) [n, C, S, S] in (−1, 1) for z ~ N(0, I) drawn with <paramref name="seed"/>.</summary>
    public Tensor Sample(int n, long seed)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "Sample at least one image.");
        using var stream = new RandomStream((ulong)seed);
        using var z = randn(new long[] { n, Options.LatentDim }, generator: stream);
        return Generate(z);
    }

    /// <summary>G(z) [m, C, S, S] for m latent vectors drawn from the run's prior (normal or uniform) with <paramref name="noise"/>, without gradients.</summary>
    public Tensor Sample(long m, RandomStream noise)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), m, "Sample at least one image.");
        using var scope = NewDisposeScope();
        var z = PriorSampler.Sample(Options.Prior, m, Options.LatentDim, noise);   // [m, latentDim]
        return Generate(z).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// G as a sampler of m images for evaluation, its noise drawn from <paramref name="noise"/>.
    /// </summary>
    /// <exception cref="ArgumentException">G's images are not 28 × 28 grayscale, the feature classifier's input.</exception>
    public Func<long, Tensor> EvaluationSampler(RandomStream noise)
    {
        if (SampleShape is not [1, 28, 28])
            throw new ArgumentException(
                $"{Path} generates samples of shape [{string.Join(", ", SampleShape)}]; evaluation compares 1×28×28 grayscale images (the feature classifier's input).",
                nameof(noise));
        return m => Sample(m, noise);
    }

    /// <summary>
    /// A latent walk: G along the great circle from z₀ to z₁ (both ~ N(0, I) from <paramref name="seed"/>), <paramref name="steps"/> images [steps, C, S, S].
    /// </summary>
    /// <remarks>Spherical interpolation (White 2016, "Sampling Generative Networks"): z(t) = sin((1−t)θ)/sin θ · z₀ + sin(tθ)/sin θ · z₁, cos θ = ⟨z₀, z₁⟩ / (‖z₀‖‖z₁‖); it keeps ‖z‖ typical of the prior, unlike a straight line.</remarks>
    public Tensor Interpolate(int steps, long seed)
    {
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), steps, "A walk needs at least 2 steps.");
        using var scope = NewDisposeScope();
        using var stream = new RandomStream((ulong)seed);
        var ends = randn(new long[] { 2, Options.LatentDim }, generator: stream);
        var z = Slerp(ends[0], ends[1], linspace(0, 1, steps));
        return Generate(z).MoveToOuterDisposeScope();
    }

    /// <summary>Spherical interpolation of a and b [d] at t [s] ↦ [s, d] (linear where a ∥ b).</summary>
    public static Tensor Slerp(Tensor a, Tensor b, Tensor t)
    {
        using var scope = NewDisposeScope();
        var cos = (a.dot(b) / (a.norm() * b.norm())).clamp(-1, 1);
        var theta = cos.acos();
        var tt = t.unsqueeze(1);                                   // [s] → [s, 1]
        Tensor z = theta.item<float>() < 1e-4
            ? (1 - tt) * a + tt * b
            : ((1 - tt) * theta).sin() / theta.sin() * a + (tt * theta).sin() / theta.sin() * b;   // [s, d]
        return z.MoveToOuterDisposeScope();
    }

    /// <summary>Writes G's weights as safetensors: the parameter and buffer names of <see cref="Models.DcganGenerator"/> or <see cref="Models.MlpGenerator"/> (see docs/safetensors.md).</summary>
    public void ExportSafetensors(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        Runtime.AtomicFile.WriteVia(path, temp => Generator.save_safetensors(temp));
    }

    private Tensor Generate(Tensor z)
    {
        using var _ = no_grad();
        return Generator.forward(z);
    }

    /// <inheritdoc />
    public void Dispose() => Generator.Dispose();
}
