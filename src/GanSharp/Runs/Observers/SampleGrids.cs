using System.Globalization;
using System.Text.Json.Nodes;
using GanSharp.Gan;
using GanSharp.Visualization;

namespace GanSharp.Runs;

/// <summary>
/// Sample grids of G on the fixed preview noise (the same z every time, so successive grids show G's evolution):
/// <c>samples/iter-NNNNNNNNN.png</c> at the start, every N iterations and at the end.
/// </summary>
public sealed class SampleGrids : IRunObserver
{
    private readonly string _directory;
    private readonly int _every;
    private readonly int _count;
    private readonly TensorBoardLog? _tensorboard;
    private int _lastIteration = -1;

    /// <param name="directory">The run folder.</param>
    /// <param name="every">Iterations between grids.</param>
    /// <param name="count">Images per grid.</param>
    /// <param name="tensorboard">Where the grids are also logged, or null.</param>
    public SampleGrids(string directory, int every, int count, TensorBoardLog? tensorboard)
    {
        _directory = Path.Combine(directory, "samples");
        _every = every;
        _count = count;
        _tensorboard = tensorboard;
    }

    /// <inheritdoc />
    public string Name => "sample_grids";

    /// <summary>The last grid written, or null.</summary>
    public string? LastPath { get; private set; }

    /// <inheritdoc />
    public void Started(GanRun run)
    {
        if (run.Iteration == 0) Write(run);
    }

    /// <inheritdoc />
    public void IterationCompleted(GanRun run, IterationStats stats)
    {
        if (stats.Iteration % _every == 0) Write(run);
    }

    /// <inheritdoc />
    public void Finished(GanRun run, RunEnding ending)
    {
        if (_lastIteration != run.Iteration) Write(run);
    }

    /// <inheritdoc />
    public JsonNode? SaveState() => new JsonObject { ["last_iteration"] = _lastIteration };

    /// <inheritdoc />
    public void LoadState(JsonNode state) => _lastIteration = state["last_iteration"]?.GetValue<int>() ?? -1;

    private void Write(GanRun run)
    {
        using var samples = run.SamplePreview(_count);
        using var grid = ImageGrid.Compose(samples, (int)Math.Ceiling(Math.Sqrt(_count)));
        var path = Path.Combine(_directory, $"iter-{run.Iteration.ToString("D9", CultureInfo.InvariantCulture)}.png");
        PngImage.Write(path, grid);
        _tensorboard?.AddSampleGrid(path, run.Iteration);
        _lastIteration = run.Iteration;
        LastPath = path;
        run.ReportFile(path);
    }
}
