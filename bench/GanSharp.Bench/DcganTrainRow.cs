using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Bench;

/// <summary>
/// One Algorithm 1 iteration of the library's DCGAN (F = 64, z ∈ ℝ¹⁰⁰) on images already in memory:
/// k = 1, non-saturating G loss, Adam (lr 2e-4, β = (0.5, 0.999)). The thread count is chosen as the CLI chooses it:
/// <see cref="ThreadPolicy.ApplyFor"/> unless the bench was given <c>--threads</c>.
/// </summary>
internal sealed class DcganTrainRow : IBenchRow
{
    private readonly InMemoryImages _data;
    private readonly GanTrainer _trainer;

    public DcganTrainRow(int imageSize, int channels, int batchSize)
    {
        var adam = new OptimizerOptions(LearningRate: 2e-4);
        var options = new TrainingOptions(Iterations: int.MaxValue, BatchSize: batchSize, LatentDim: 100, DiscriminatorOptimizer: adam, GeneratorOptimizer: adam, Seed: 0);
        var architecture = new DcganArchitecture(imageSize, channels, options.LatentDim, Features: 64);
        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
        var g = new DcganGenerator(architecture);
        var d = new DcganDiscriminator(architecture);
        ForwardFlops = ThreadPolicy.ForwardFlopsLowerBound(new nn.Module[] { g, d }, batchSize);
        ThreadPolicy.ApplyForFlops(ForwardFlops);
        _data = new InMemoryImages(1024, channels, imageSize, RandomStreams.Seed(options.Seed, RandomStreams.Data));
        _trainer = new GanTrainer(g, d, _data, options);
        FlopsPerIteration = DcganFlops.TrainingIteration(architecture, batchSize);
    }

    public double FlopsPerIteration { get; }

    public double ForwardFlops { get; }

    public void Step() => _trainer.Step();

    public void Dispose()
    {
        _trainer.Dispose();
        _data.Dispose();
    }
}
