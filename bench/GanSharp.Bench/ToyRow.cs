using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Bench;

/// <summary>
/// The demo's toy 2D GAN: G and D are 3 hidden × 128 ReLU MLPs (other widths for the thread measurements), z ∈ ℝ²,
/// the 8-Gaussian ring, Adam (lr 1e-4, β = (0.5, 0.999)), k = 1, non-saturating G loss. One iteration = one
/// <see cref="GanTrainer.Step"/>. The thread count is chosen as the CLI chooses it: <see cref="ThreadPolicy.ApplyFor"/>
/// unless the bench was given <c>--threads</c>.
/// </summary>
internal sealed class ToyRow : IBenchRow
{
    private readonly DistributionBatchSource _data;
    private readonly GanTrainer _trainer;

    public ToyRow(int batchSize, int width = 128, int discriminatorSteps = 1)
    {
        var options = new TrainingOptions(Iterations: int.MaxValue, BatchSize: batchSize, DiscriminatorSteps: discriminatorSteps, Seed: 0);
        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
        var mlp = new MlpOptions(HiddenLayers: 3, Width: width, Activation: Activation.ReLU);
        var g = new MlpGenerator(options.LatentDim, new long[] { 2 }, mlp);
        var d = new MlpDiscriminator(new long[] { 2 }, mlp);
        ForwardFlops = ThreadPolicy.ForwardFlopsLowerBound(new nn.Module[] { g, d }, batchSize);
        ThreadPolicy.ApplyForFlops(ForwardFlops);
        _data = new DistributionBatchSource(TargetDistributions.Ring(), RandomStreams.Seed(options.Seed, RandomStreams.Data));
        _trainer = new GanTrainer(g, d, _data, options);
    }

    public double FlopsPerIteration => 0;

    public double ForwardFlops { get; }

    public void Step() => _trainer.Step();

    public void Dispose()
    {
        _trainer.Dispose();
        _data.Dispose();
    }
}
