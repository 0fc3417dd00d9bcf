using TorchSharp;
using TorchSharp.Modules;

namespace GanSharp.Runs;

/// <summary>TensorBoard event files in <c>tensorboard/</c>: losses, D's outputs and samples per second every 10 iterations, sample grids, FD.</summary>
/// <remarks>A resumed run first discards the events logged after its checkpoint (<see cref="TensorBoardEvents.DiscardAfter"/>), so every step shows once.</remarks>
public sealed class TensorBoardLog : IRunObserver
{
    private readonly string _directory;
    private SummaryWriter? _writer;

    /// <param name="directory">The run folder.</param>
    public TensorBoardLog(string directory) => _directory = Path.Combine(directory, "tensorboard");

    /// <inheritdoc />
    public string Name => "tensorboard";

    /// <inheritdoc />
    public void Started(GanRun run)
    {
        // The process that stopped may have logged iterations past the checkpoint (all of them, when it left none): this one logs them again.
        TensorBoardEvents.DiscardAfter(_directory, run.Iteration > 0 ? run.Iteration : -1);
        var writer = _writer = torch.utils.tensorboard.SummaryWriter(_directory);
        run.Progress += p =>
        {
            if (p.Iteration % 10 == 0 || p.Iteration == p.TotalIterations)
            {
                writer.add_scalar("loss/discriminator", (float)p.Stats.DiscriminatorLoss, p.Iteration);
                writer.add_scalar("loss/generator", (float)p.Stats.GeneratorLoss, p.Iteration);
                writer.add_scalar("D/real", (float)p.Stats.MeanDReal, p.Iteration);
                writer.add_scalar("D/fake", (float)p.Stats.MeanDFake, p.Iteration);
                writer.add_scalar("images_per_second", (float)p.SamplesPerSecond, p.Iteration);
            }
        };
        run.FdMeasured += (iteration, fd, _) => writer.add_scalar("eval/fd", (float)fd, iteration);
    }

    /// <summary>Adds the sample grid PNG at <paramref name="path"/> for <paramref name="iteration"/>.</summary>
    public void AddSampleGrid(string path, int iteration) =>
        (_writer ?? throw new InvalidOperationException("The TensorBoard log is written once the run has started.")).add_img("samples", path, iteration);
}
