using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Gan;

/// <summary>
/// Algorithm 1 of Goodfellow et al. (2014): each iteration, k discriminator steps on fresh minibatches
/// of data and noise, then one generator step on fresh noise. The same trainer serves points and images.
/// </summary>
/// <remarks>
/// The trainer owns G and D (it disposes them with itself). It leaves libtorch's thread count alone: that is the
/// application's choice (<see cref="ThreadPolicy"/>).
/// </remarks>
public sealed class GanTrainer : IGenerativeTrainer
{
    private readonly RandomStream _noise;
    private readonly Parameter[] _generatorParameters;
    private readonly Parameter[] _trainableDiscriminatorParameters;
    private readonly ReplayBuffer? _replay;

    /// <param name="generator">G: z [m, LatentDim] ↦ x [m, ...]; the trainer owns it from now on.</param>
    /// <param name="discriminator">D's logit: x [m, ...] ↦ l [m]; D(x) = σ(l); the trainer owns it from now on.</param>
    /// <param name="data">Real minibatches.</param>
    /// <param name="options">Algorithm settings; validated here.</param>
    /// <param name="device">Where the models live and the arithmetic runs (null: CPU).</param>
    public GanTrainer(Module<Tensor, Tensor> generator, Module<Tensor, Tensor> discriminator, IBatchSource data, TrainingOptions options, Device? device = null)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid training options: " + string.Join(" ", problems), nameof(options));
        Options = options;
        Device = device ?? CPU;
        Generator = generator;
        Discriminator = discriminator;
        Data = data;
        Generator.to(Device);
        Discriminator.to(Device);
        _generatorParameters = Generator.parameters().ToArray();
        _trainableDiscriminatorParameters = Discriminator.parameters().Where(p => p.requires_grad).ToArray();
        GeneratorOptimizer = options.GeneratorOptimizerOrDefault.Create(_generatorParameters);
        DiscriminatorOptimizer = options.DiscriminatorOptimizerOrDefault.Create(Discriminator.parameters());
        _noise = new RandomStream((ulong)RandomStreams.Seed(options.Seed, RandomStreams.Noise));
        if (options.Replay is not null) _replay = new ReplayBuffer(options.Replay, RandomStreams.Seed(options.Seed, RandomStreams.Replay));
    }

    /// <summary>The algorithm's settings.</summary>
    public TrainingOptions Options { get; }

    /// <summary>Where the models live.</summary>
    public Device Device { get; }

    /// <summary>The generator G.</summary>
    public Module<Tensor, Tensor> Generator { get; }

    /// <summary>The discriminator D (returns logits).</summary>
    public Module<Tensor, Tensor> Discriminator { get; }

    /// <summary>The real-data source.</summary>
    public IBatchSource Data { get; }

    /// <summary>G's optimiser.</summary>
    public optim.Optimizer GeneratorOptimizer { get; }

    /// <summary>D's optimiser.</summary>
    public optim.Optimizer DiscriminatorOptimizer { get; }

    /// <summary>The random stream of the training noise z (for checkpoints).</summary>
    public RandomStream NoiseStream => _noise;

    /// <summary>The replay buffer D's steps draw past samples from; null without replay.</summary>
    public ReplayBuffer? Replay => _replay;

    /// <summary>Iterations completed so far.</summary>
    public int Iteration { get; set; }

    /// <summary>Raised after every iteration.</summary>
    public event Action<IterationStats>? IterationCompleted;

    /// <summary>Name of the phase of <see cref="Step"/> that runs the k discriminator steps.</summary>
    public const string DiscriminatorPhase = "k discriminator steps (data, noise, G forward, D forward and backward, D's optimiser)";

    /// <summary>Name of the phase of <see cref="Step"/> that computes G's gradient.</summary>
    public const string GeneratorGradientPhase = "generator gradient (noise, G and D forward, backward, ‖∇L_G‖)";

    /// <summary>Name of the phase of <see cref="Step"/> that updates G.</summary>
    public const string GeneratorUpdatePhase = "G's optimiser step";

    /// <summary>Name of the phase of <see cref="Step"/> that reads the iteration's numbers to the host.</summary>
    public const string ReadbackPhase = "numbers read to the host";

    /// <summary>For profilers: called with the phase's name at the end of each phase of <see cref="Step"/>, on the training thread.</summary>
    public Action<string>? PhaseEnded { get; set; }

    /// <summary>Runs iterations until <see cref="TrainingOptions.Iterations"/> are done or <paramref name="cancel"/> fires.</summary>
    /// <exception cref="TrainingDivergedException">A loss or gradient became non-finite.</exception>
    public void Train(CancellationToken cancel = default)
    {
        while (Iteration < Options.Iterations && !cancel.IsCancellationRequested) Step();
    }

    /// <summary>One iteration of Algorithm 1; returns its numbers.</summary>
    /// <exception cref="TrainingDivergedException">A loss or gradient became non-finite.</exception>
    public IterationStats Step()
    {
        using var scope = NewDisposeScope();
        Generator.train();
        Discriminator.train();
        ApplyLearningRateSchedule();
        int m = Options.BatchSize;
        Tensor dLoss = null!, realLogits = null!, fakeLogits = null!;

        // k steps of D: maximise log D(x) + log(1 − D(G(z))), i.e. minimise the binary cross-entropy.
        for (int step = 0; step < Options.DiscriminatorSteps; step++)
        {
            var real = Data.NextBatch(m).to(Device);
            var z = PriorSampler.Sample(Options.Prior, m, Options.LatentDim, _noise, Device);
            Tensor fake;
            using (no_grad()) fake = Generator.forward(z);
            if (_replay is not null) fake = _replay.Mix(fake);
            realLogits = Discriminator.forward(real);
            fakeLogits = Discriminator.forward(fake);
            dLoss = GanLosses.DiscriminatorLoss(realLogits, fakeLogits);
            DiscriminatorOptimizer.zero_grad();
            dLoss.backward();
            DiscriminatorOptimizer.step();
        }
        PhaseEnded?.Invoke(DiscriminatorPhase);

        // One step of G on fresh noise: minimise log(1 − D(G(z))) (minimax) or −log D(G(z)) (non-saturating).
        // G's step needs ∂L_G/∂x through D but not D's own gradients (D's optimiser zeroes them before its next
        // step anyway), so D's weights leave the graph: its backward skips their weight-gradient products.
        var zG = PriorSampler.Sample(Options.Prior, m, Options.LatentDim, _noise, Device);
        Tensor gLoss;
        SetRequiresGrad(_trainableDiscriminatorParameters, false);
        try
        {
            var gLogits = Discriminator.forward(Generator.forward(zG));
            gLoss = GanLosses.GeneratorLoss(Options.Objective, gLogits);
            GeneratorOptimizer.zero_grad();
            gLoss.backward();
        }
        finally
        {
            SetRequiresGrad(_trainableDiscriminatorParameters, true);
        }
        var gradNorm = GradientNorm(_generatorParameters);
        PhaseEnded?.Invoke(GeneratorGradientPhase);
        GeneratorOptimizer.step();
        PhaseEnded?.Invoke(GeneratorUpdatePhase);

        Iteration++;
        // One host synchronisation for all the numbers of this iteration.
        var numbers = stack(new[]
        {
            dLoss.detach(), gLoss.detach(), -dLoss.detach(),
            realLogits.detach().sigmoid().mean(), fakeLogits.detach().sigmoid().mean(), gradNorm,
        }).to_type(float64).cpu().data<double>().ToArray();
        PhaseEnded?.Invoke(ReadbackPhase);
        var stats = new IterationStats(Iteration, numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]);
        if (numbers.Any(v => !double.IsFinite(v))) throw new TrainingDivergedException(stats);
        IterationCompleted?.Invoke(stats);
        return stats;
    }

    /// <summary>G(z) for <paramref name="n"/> fresh prior samples drawn from <paramref name="stream"/>, without gradients, in eval mode, on the CPU.</summary>
    public Tensor Sample(long n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        bool wasTraining = Generator.training;
        Generator.eval();
        var z = PriorSampler.Sample(Options.Prior, n, Options.LatentDim, stream, Device);
        var x = Generator.forward(z).cpu();
        if (wasTraining) Generator.train();
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>D(x) = σ(l(x)) for <paramref name="x"/>, without gradients, in eval mode, on the CPU.</summary>
    public Tensor DiscriminatorProbability(Tensor x)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        bool wasTraining = Discriminator.training;
        Discriminator.eval();
        var d = Discriminator.forward(x.to(Device)).sigmoid().cpu();
        if (wasTraining) Discriminator.train();
        return d.MoveToOuterDisposeScope();
    }

    /// <summary>Sets both players' learning rates for the coming iteration t = <see cref="Iteration"/> (see <see cref="LearningRateSchedule"/>).</summary>
    private void ApplyLearningRateSchedule()
    {
        if (Options.Schedule == LearningRateSchedule.Constant) return;
        double factor = Options.LearningRateFactor(Iteration);
        foreach (var group in DiscriminatorOptimizer.ParamGroups) group.LearningRate = Options.DiscriminatorOptimizerOrDefault.LearningRate * factor;
        foreach (var group in GeneratorOptimizer.ParamGroups) group.LearningRate = Options.GeneratorOptimizerOrDefault.LearningRate * factor;
    }

    private static void SetRequiresGrad(Parameter[] parameters, bool requiresGrad)
    {
        foreach (var p in parameters) p.requires_grad = requiresGrad;
    }

    /// <summary>‖g‖₂ over the gradients of <paramref name="parameters"/> (0-dim tensor).</summary>
    private static Tensor GradientNorm(IEnumerable<Parameter> parameters)
    {
        var squares = parameters.Where(p => p.grad is not null).Select(p => p.grad!.pow(2).sum()).ToArray();
        return squares.Length == 0 ? zeros(1).squeeze() : stack(squares).sum().sqrt();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        GeneratorOptimizer.Dispose();
        DiscriminatorOptimizer.Dispose();
        _noise.Dispose();
        _replay?.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
