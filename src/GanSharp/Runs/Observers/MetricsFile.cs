using System.Text.Json;
using GanSharp.Runtime;

namespace GanSharp.Runs;

/// <summary>
/// Writes <c>metrics.json</c> when training stops (also when it diverged: with the iteration) and after every FD measurement:
/// the final mode metrics (points), the history of per-iteration numbers, and the FD history (images with --eval-every).
/// </summary>
public sealed class MetricsFile : IRunObserver
{
    /// <summary>File name inside the run folder.</summary>
    public const string FileName = "metrics.json";

    private readonly string _path;

    /// <param name="directory">The run folder.</param>
    public MetricsFile(string directory) => _path = Path.Combine(directory, FileName);

    /// <inheritdoc />
    public string Name => "metrics";

    /// <inheritdoc />
    public void Started(GanRun run) => run.FdMeasured += (_, _, _) => Write(run, ending: null);

    /// <inheritdoc />
    public void Finished(GanRun run, RunEnding ending) => Write(run, ending);

    private void Write(GanRun run, RunEnding? ending)
    {
        var modes = ending == RunEnding.Diverged ? null : run.LatestModes;
        var fd = run.Observer<FdTracker>();
        var metrics = new RunMetrics(
            modes?.ModesCaptured,
            modes?.ModesTotal,
            modes?.HighQualityFraction,
            modes?.ReverseKl,
            run.Iteration,
            run.TotalSeconds,
            ending == RunEnding.Cancelled,
            ending == RunEnding.Diverged ? run.History.Points[^1].Iteration : null,
            run.History.Stride,
            run.History.Points,
            fd?.History.Select(p => new FdPoint(p.Iteration, p.Fd)).ToArray(),
            fd?.Best?.Fd,
            fd?.Best?.Iteration,
            run.History.Changes.Count > 0 ? run.History.Changes : null);
        AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(metrics, RunMetrics.Json));
    }
}
