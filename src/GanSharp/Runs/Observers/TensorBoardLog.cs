using TorchSharp;
using TorchSharp.Modules;

namespace GanSharp.Runs;

/// <summary>TensorBoard event files in <c>tensorboard/</c>: losses, D's outputs and samples per second every 10 iterations, sample grids, FD.</summary>
public sealed class TensorBoardLog : IRunObserver
{
    private readonly SummaryWriter _writer;

    /// <param name="directory">The run folder.</param>
    public TensorBoardLog(string directory) => _writer = torch.utils.tensorboard.SummaryWriter(Path.Combine(directory, "tensorboard"));

    /// <inheritdoc />
    public string Name => "tensorboard";

    /// <inheritdoc />
    public void Started(GanRun run)
    {
        run.Progress += p =>
        {
            if (p.Iteration % 10 == 0 || p.Iteration == p.TotalIterations)
            {
                _writer.add_scalar("loss/discriminator", (float)p.Stats.DiscriminatorLoss, p.Iteration);
                _writer.add_scalar("loss/generator", (float)p.Stats.GeneratorLoss, p.Iteration);
                _writer.add_scalar("D/real", (float)p.Stats.MeanDReal, p.Iteration);
                _writer.add_scalar("D/fake", (float)p.Stats.MeanDFake, p.Iteration);
                _writer.add_scalar("images_per_second", (float)p.SamplesPerSecond, p.Iteration);
            }
        };
        run.FdMeasured += (iteration, fd, _) => _writer.add_scalar("eval/fd", (float)fd, iteration);
    }

    /// <summary>Adds the sample grid PNG at <paramref name="path"/> for <paramref name="iteration"/>.</summary>
    public void AddSampleGrid(string path, int iteration) => _writer.add_img("samples", path, iteration);
}
