using GanSharp.Checkpoints;
using GanSharp.Distributions;
using GanSharp.Training;
using TorchSharp.PyBridge;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Sampling;

/// <summary>The generator of an image run, rebuilt from a checkpoint's configuration and weights, for sampling and export.</summary>
public sealed class GeneratorCheckpoint : IDisposable
{
    private GeneratorCheckpoint(string path, ImageRunOptions options, Module<Tensor, Tensor> generator, int iteration)
    {
        Path = path;
        Options = options;
        Generator = generator;
        Iteration = iteration;
    }

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }

    /// <summary>The configuration of the run that wrote it.</summary>
    public ImageRunOptions Options { get; }

    /// <summary>G, in eval mode (batch norm uses its running statistics).</summary>
    public Module<Tensor, Tensor> Generator { get; }

    /// <summary>Iterations G had been trained for.</summary>
    public int Iteration { get; }

    /// <summary>Loads G from <paramref name="checkpointOrRun"/>: a checkpoint file, or a run folder meaning its latest checkpoint.</summary>
    /// <exception cref="FileNotFoundException">No checkpoint there.</exception>
    /// <exception cref="InvalidDataException">Not a GanSharp image checkpoint, or weights of another architecture.</exception>
    public static GeneratorCheckpoint Load(string checkpointOrRun)
    {
        var path = CheckpointStore.Resolve(checkpointOrRun);
        var options = ImageRunOptions.FromJson(CheckpointFile.ReadConfig(path), path);
        var problems = options.ModelSpec.Validate().ToList();
        if (problems.Count > 0) throw new InvalidDataException($"{path}: its configuration describes no buildable generator: {string.Join(" ", problems)}");
        var generator = options.ModelSpec.CreateGenerator();
        try
        {
            CheckpointFile.LoadGenerator(path, generator);
        }
        catch
        {
            generator.Dispose();
            throw;
        }
        generator.eval();
        return new GeneratorCheckpoint(path, options, generator, CheckpointFile.ReadState(path).Iteration);
    }

    /// <summary>G(z) [n, C, S, S] in (−1, 1) for z ~ N(0, I) drawn with <paramref name="seed"/>.</summary>
    public Tensor Sample(int n, long seed)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "Sample at least one image.");
        using var generator = new Generator((ulong)seed);
        using var z = randn(new long[] { n, Options.LatentDim }, generator: generator);
        return Generate(z);
    }

    /// <summary>G(z) [m, C, S, S] for m latent vectors drawn from the run's prior (normal or uniform) with <paramref name="noise"/>, without gradients.</summary>
    public Tensor Sample(long m, Generator noise)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), m, "Sample at least one image.");
        using var scope = NewDisposeScope();
        var z = PriorSampler.Sample(Options.ToTrainingOptions(0).Prior, m, Options.LatentDim, noise);   // [m, latentDim]
        return Generate(z).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// A latent walk: G along the great circle from z₀ to z₁ (both ~ N(0, I) from <paramref name="seed"/>), <paramref name="steps"/> images [steps, C, S, S].
    /// </summary>
    /// <remarks>Spherical interpolation (White 2016, "Sampling Generative Networks"): z(t) = sin((1−t)θ)/sin θ · z₀ + sin(tθ)/sin θ · z₁, cos θ = ⟨z₀, z₁⟩ / (‖z₀‖‖z₁‖); it keeps ‖z‖ typical of the prior, unlike a straight line.</remarks>
    public Tensor Interpolate(int steps, long seed)
    {
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), steps, "A walk needs at least 2 steps.");
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var ends = randn(new long[] { 2, Options.LatentDim }, generator: generator);
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
        Generator.save_safetensors(path);
    }

    private Tensor Generate(Tensor z)
    {
        using var _ = no_grad();
        return Generator.forward(z);
    }

    /// <inheritdoc />
    public void Dispose() => Generator.Dispose();
}
