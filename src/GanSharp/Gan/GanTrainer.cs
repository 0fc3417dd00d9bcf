using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Models;
using GanSharp.Objectives;
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
    private readonly GeneratorAverage? _average;

    /// <param name="generator">G: z [m, LatentDim] ↦ x [m, ...]; the trainer owns it from now on.</param>
    /// <param name="discriminator">D's logit: x [m, ...] ↦ l [m]; D(x) = σ(l); the trainer owns it from now on.</param>
    /// <param name="data">Real minibatches.</param>
    /// <param name="options">Algorithm settings; validated here.</param>
    /// <param name="device">Where the models live and the arithmetic runs (null: CPU).</param>
    /// <param name="averagedGenerator">With <see cref="TrainingOptions.Ema"/>: a second G of the same architecture to hold the average (<see cref="GeneratorAverage"/>); the trainer owns it.</param>
    public GanTrainer(Module<Tensor, Tensor> generator, Module<Tensor, Tensor> discriminator, IBatchSource data, TrainingOptions options, Device? device = null,
        Module<Tensor, Tensor>? averagedGenerator = null)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid training options: " + string.Join(" ", problems), nameof(options));
        if (options.FeatureMatching is > 0 && discriminator is not IHiddenFeatures)
            throw new ArgumentException($"Feature matching reads D's last hidden layer, which {discriminator.GetType().Name} does not give (a DCGAN discriminator does).", nameof(discriminator));
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
        if (options.Ema is { } decay)
        {
            if (averagedGenerator is null) throw new ArgumentException("An EMA of G's weights needs a second generator to hold it.", nameof(averagedGenerator));
            averagedGenerator.to(Device);
            var normalisationNoise = PriorSampler.Sample(options.Prior, AverageNormalisationBatch, options.LatentDim,
                new RandomStream((ulong)RandomStreams.Seed(options.Seed, RandomStreams.AverageNormalisation)), Device);
            _average = new GeneratorAverage(Generator, averagedGenerator, decay, normalisationNoise);
        }
    }

    /// <summary>Noise samples whose batch statistics the averaged G's batch norms take (<see cref="GeneratorAverage"/>).</summary>
    public const int AverageNormalisationBatch = 256;

    /// <summary>The algorithm's settings (changed between steps by <see cref="ChangeOptions"/>).</summary>
    public TrainingOptions Options { get; private set; }

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

    /// <summary>The moving average of G's weights; null without <see cref="TrainingOptions.Ema"/>.</summary>
    public GeneratorAverage? Average => _average;

    /// <summary>The G that samples and is evaluated: the average of G's weights where there is one, else G.</summary>
    public Module<Tensor, Tensor> SamplingGenerator => _average?.Generator ?? Generator;

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

        Tensor discriminatorNumbers = null!, lastRealInput = null!;
        for (int step = 0; step < Options.DiscriminatorSteps; step++) (discriminatorNumbers, lastRealInput) = UpdateDiscriminator();
        PhaseEnded?.Invoke(DiscriminatorPhase);
        var generatorNumbers = UpdateGenerator(lastRealInput);

        Iteration++;
        // One host synchronisation for all the numbers of this iteration: [L_D, mean D(x), mean D(G(z))] and [L_G, ‖∇L_G‖].
        var numbers = cat(new[] { discriminatorNumbers, generatorNumbers }).to_type(float64).cpu().data<double>().ToArray();
        PhaseEnded?.Invoke(ReadbackPhase);
        var stats = new IterationStats(Iteration, numbers[0], numbers[3], -numbers[0], numbers[1], numbers[2], numbers[4]);
        if (numbers.Any(v => !double.IsFinite(v))) throw new TrainingDivergedException(stats);
        IterationCompleted?.Invoke(stats);
        return stats;
    }

    /// <summary>
    /// One update of D alone, outside the rhythm of <see cref="Step"/> (for interactive use: it is not counted as an iteration and
    /// raises no event). Returns D's loss on the minibatch it trained on.
    /// </summary>
    public double StepDiscriminator()
    {
        using var scope = NewDisposeScope();
        Generator.train();
        Discriminator.train();
        return UpdateDiscriminator().Numbers[0].item<float>();
    }

    /// <summary>
    /// One update of G alone, outside the rhythm of <see cref="Step"/> (for interactive use: it is not counted as an iteration and
    /// raises no event). Returns G's loss on the noise it trained on.
    /// </summary>
    public double StepGenerator()
    {
        using var scope = NewDisposeScope();
        Generator.train();
        Discriminator.train();
        return UpdateGenerator(realInput: null)[0].item<float>();
    }

    /// <summary>
    /// Replaces the settings that may change between steps (objective with its clipping and penalties, k, batch size, prior and both learning rates) from the next step on,
    /// for interactive use; G, D, the optimisers' moments and the random streams carry on.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options, or a change to a setting fixed at construction (the latent dimension, the optimisers' kinds,
    /// β and momentum, replay, the seed, the schedule, the iterations).</exception>
    public void ChangeOptions(TrainingOptions options)
    {
        var problems = options.Validate().ToList();
        var fixedNow = Options with { BatchSize = 0, DiscriminatorSteps = 0, Objective = default, Prior = default, DiscriminatorOptimizer = null, GeneratorOptimizer = null, WeightClip = null, GradientPenalty = null, R1 = null };
        var fixedNext = options with { BatchSize = 0, DiscriminatorSteps = 0, Objective = default, Prior = default, DiscriminatorOptimizer = null, GeneratorOptimizer = null, WeightClip = null, GradientPenalty = null, R1 = null };
        if (fixedNow != fixedNext
            || options.DiscriminatorOptimizerOrDefault with { LearningRate = 1 } != Options.DiscriminatorOptimizerOrDefault with { LearningRate = 1 }
            || options.GeneratorOptimizerOrDefault with { LearningRate = 1 } != Options.GeneratorOptimizerOrDefault with { LearningRate = 1 })
            problems.Add("only the objective (with its clipping and penalties), k, the batch size, the prior and the learning rates can change between steps.");
        if (problems.Count > 0) throw new ArgumentException("Invalid training options: " + string.Join(" ", problems), nameof(options));
        Options = options;
        // The schedule's factor at the coming iteration, as ApplyLearningRateSchedule would set it.
        double factor = Options.LearningRateFactor(Iteration);
        foreach (var group in DiscriminatorOptimizer.ParamGroups) group.LearningRate = Options.DiscriminatorOptimizerOrDefault.LearningRate * factor;
        foreach (var group in GeneratorOptimizer.ParamGroups) group.LearningRate = Options.GeneratorOptimizerOrDefault.LearningRate * factor;
    }

    /// <summary>
    /// One step of D on fresh data and noise; returns the detached numbers [L_D, mean σ(v(x)), mean σ(v(G(z)))] and the (packed,
    /// detached) data D saw. For the sigmoid games σ(v) is D's probability; for critics and the other objectives it is their raw
    /// output squashed into (0, 1), above ½ where they score a sample as data, so curves keep one axis whatever the objective.
    /// </summary>
    private (Tensor Numbers, Tensor RealInput) UpdateDiscriminator()
    {
        int m = Options.BatchSize;
        // Maximise D's side of the objective (for the minimax game log D(x) + log(1 − D(G(z))), the negated binary cross-entropy),
        // plus the penalties and the clipping that keep a critic Lipschitz or D flat on the data.
        var real = Data.NextBatch(m).to(Device);
        var z = PriorSampler.Sample(Options.Prior, m, Options.LatentDim, _noise, Device);
        Tensor fake;
        using (no_grad()) fake = Generator.forward(z);
        if (_replay is not null) fake = _replay.Mix(fake);
        var realInput = Pack(real);
        var fakeInput = Pack(fake);
        double? r1 = Options.R1 is > 0 ? Options.R1 : null;     // γ = 0 is no penalty, without the double backward
        if (r1 is not null) realInput = realInput.detach().requires_grad_(true);
        var (realOutputs, fakeOutputs) = JudgeBoth(realInput, fakeInput);
        var dLoss = ObjectiveLosses.DiscriminatorLoss(Options.Objective, realOutputs, fakeOutputs);
        if (Options.GradientPenalty is { } lambda)
        {
            var epsilon = rand(new[] { realInput.shape[0] }, generator: _noise).to(Device);
            var between = GradientPenalties.Interpolate(realInput.detach(), fakeInput.detach(), epsilon).requires_grad_(true);
            dLoss = dLoss + GradientPenalties.Wasserstein(GradientPenalties.InputGradient(Discriminator.forward(between), between), lambda);
        }
        if (r1 is { } gamma) dLoss = dLoss + GradientPenalties.R1(GradientPenalties.InputGradient(realOutputs, realInput), gamma);
        DiscriminatorOptimizer.zero_grad();
        dLoss.backward();
        DiscriminatorOptimizer.step();
        if (Options.WeightClip is { } c) WassersteinLosses.ClipWeights(_trainableDiscriminatorParameters, c);
        return (stack(new[] { dLoss.detach(), realOutputs.detach().sigmoid().mean(), fakeOutputs.detach().sigmoid().mean() }), realInput.detach());
    }

    /// <summary>
    /// D's outputs on a batch of data and one of generated samples: two forward passes, or with <see cref="TrainingOptions.JointBatch"/>
    /// one pass over both, [real; fake], split after. They differ only where D mixes samples of a batch: batch norm in training mode
    /// subtracts the batch's mean of every feature, so on a batch of only generated samples it removes whatever they all share (a colour
    /// shift, a class drawn too often), while over the joint batch that shift stands out against the data.
    /// </summary>
    private (Tensor Real, Tensor Fake) JudgeBoth(Tensor realInput, Tensor fakeInput)
    {
        if (!Options.JointBatch) return (Discriminator.forward(realInput), Discriminator.forward(fakeInput));
        long m = realInput.shape[0];
        var outputs = Discriminator.forward(cat(new[] { realInput, fakeInput }));
        return (outputs.narrow(0, 0, m), outputs.narrow(0, m, fakeInput.shape[0]));
    }

    /// <summary>
    /// D's outputs on the generated batch and its last hidden layer on both batches (<see cref="IHiddenFeatures"/>), for feature matching:
    /// in one pass over [real; fake] with <see cref="TrainingOptions.JointBatch"/>, else in two (then D's batch norms, in training mode,
    /// also take the real batch into their running averages, which G's step without feature matching does not).
    /// </summary>
    private (Tensor FakeOutputs, Tensor RealHidden, Tensor FakeHidden) JudgeWithHidden(Tensor realInput, Tensor fakeInput)
    {
        var d = (IHiddenFeatures)Discriminator;
        if (!Options.JointBatch)
        {
            var (_, realHidden) = d.ForwardWithHidden(realInput);
            var (fakeOutputs, fakeHidden) = d.ForwardWithHidden(fakeInput);
            return (fakeOutputs, realHidden, fakeHidden);
        }
        long m = realInput.shape[0];
        var (outputs, hidden) = d.ForwardWithHidden(cat(new[] { realInput, fakeInput }));
        return (outputs.narrow(0, m, fakeInput.shape[0]), hidden.narrow(0, 0, m), hidden.narrow(0, m, fakeInput.shape[0]));
    }

    /// <summary>
    /// One step of G on fresh noise; returns the detached numbers [L_G, ‖∇L_G‖]. With <see cref="TrainingOptions.JointBatch"/> D judges
    /// G's samples beside <paramref name="realInput"/> (the data of D's last step; null: a fresh batch), as in D's own steps.
    /// </summary>
    private Tensor UpdateGenerator(Tensor? realInput)
    {
        // Minimise G's side of the objective: log(1 − D(G(z))) (minimax), −log D(G(z)) (non-saturating), −v(G(z)) (critics), ...
        // G's step needs ∂L_G/∂x through D but not D's own gradients (D's optimiser zeroes them before its next
        // step anyway), so D's weights leave the graph: its backward skips their weight-gradient products.
        var z = PriorSampler.Sample(Options.Prior, Options.BatchSize, Options.LatentDim, _noise, Device);
        Tensor gLoss;
        SetRequiresGrad(_trainableDiscriminatorParameters, false);
        try
        {
            var fakeInput = Pack(Generator.forward(z));
            Tensor RealInput() => realInput ?? Pack(Data.NextBatch(Options.BatchSize).to(Device));
            if (Options.FeatureMatching is > 0 and var lambda)
            {
                var (gOutputs, realHidden, fakeHidden) = JudgeWithHidden(RealInput(), fakeInput);
                gLoss = ObjectiveLosses.GeneratorLoss(Options.Objective, gOutputs) + lambda * FeatureMatching.Loss(realHidden.detach(), fakeHidden);
            }
            else
            {
                var gOutputs = Options.JointBatch ? JudgeBoth(RealInput(), fakeInput).Fake : Discriminator.forward(fakeInput);
                gLoss = ObjectiveLosses.GeneratorLoss(Options.Objective, gOutputs);
            }
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
        _average?.Update();
        PhaseEnded?.Invoke(GeneratorUpdatePhase);
        return stack(new[] { gLoss.detach(), gradNorm });
    }

    /// <summary>
    /// G(z) for <paramref name="n"/> fresh prior samples drawn from <paramref name="stream"/>, without gradients, in eval mode, on the CPU,
    /// from the <see cref="SamplingGenerator"/> (the average of G's weights where there is one).
    /// </summary>
    public Tensor Sample(long n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var generator = SamplingGenerator;
        bool wasTraining = generator.training;
        generator.eval();
        var z = PriorSampler.Sample(Options.Prior, n, Options.LatentDim, stream, Device);
        var x = generator.forward(z).cpu();
        if (wasTraining) generator.train();
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// D(x) = σ(v(x)) for <paramref name="x"/>, without gradients, in eval mode, on the CPU (for critics σ of the raw output: see
    /// <see cref="UpdateDiscriminator"/>). A packing D judges a pack of copies of x.
    /// </summary>
    public Tensor DiscriminatorProbability(Tensor x)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        bool wasTraining = Discriminator.training;
        Discriminator.eval();
        var input = x.to(Device);
        if (Options.Pack > 1) input = input.repeat(new long[] { 1, Options.Pack }.Concat(Enumerable.Repeat(1L, (int)input.dim() - 2)).ToArray());   // [n, d, …] → [n, p·d, …]
        var d = Discriminator.forward(input).sigmoid().cpu();
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

    /// <summary>PacGAN's packing (Lin et al. 2018): [m, d, …] → [m/p, p·d, …], p consecutive samples side by side along features or channels.</summary>
    private Tensor Pack(Tensor x) =>
        Options.Pack == 1 ? x : x.reshape(new[] { x.shape[0] / Options.Pack, x.shape[1] * Options.Pack }.Concat(x.shape.Skip(2)).ToArray());

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
        _average?.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
