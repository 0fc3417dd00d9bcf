using GanSharp.Runtime;
using GanSharp.Visualization;

namespace GanSharp.Runs;

/// <summary>Draws <c>curves.png</c> at the end: losses, V̂, D's mean outputs, G's gradient norm and, where scored, the mode metrics.</summary>
public sealed class CurvesPicture : IRunObserver
{
    private readonly string _path;

    /// <param name="directory">The run folder.</param>
    public CurvesPicture(string directory) => _path = Path.Combine(directory, "curves.png");

    /// <inheritdoc />
    public string Name => "curves";

    /// <inheritdoc />
    public void Finished(GanRun run, RunEnding ending)
    {
        if (ending == RunEnding.Diverged || run.History.Points.Count == 0) return;
        var history = run.History.Points;
        var scored = history.Where(h => h.ModesCaptured is not null).ToArray();
        int modesTotal = run.LatestModes?.ModesTotal ?? 1;
        var curves = new TrainingCurves(
            history.Select(h => (double)h.Iteration).ToArray(),
            history.Select(h => h.DLoss).ToArray(),
            history.Select(h => h.GLoss).ToArray(),
            history.Select(h => h.Value).ToArray(),
            history.Select(h => h.MeanDReal).ToArray(),
            history.Select(h => h.MeanDFake).ToArray(),
            history.Select(h => h.GGradNorm).ToArray(),
            scored.Select(h => (double)h.Iteration).ToArray(),
            scored.Select(h => (double)h.ModesCaptured!.Value / modesTotal).ToArray(),
            scored.Select(h => h.HighQualityFraction ?? 0).ToArray());
        AtomicFile.WriteVia(_path, temp => TrainingCurvesRenderer.Render(curves, temp));
    }
}
