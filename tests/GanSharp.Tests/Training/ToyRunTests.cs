using System.Text.RegularExpressions;
using GanSharp.Training;

namespace GanSharp.Tests.Training;

public class ToyRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Half the demo: 1,500 iterations with the linearly decaying learning rate. Measured (docs/toy-results.md):
    /// seed 1 → 8/8 modes, seed 2 → 7/8, seed 3 → 2/8; seed 1 with a margin of one mode.
    /// </summary>
    internal static readonly ToyRunConfig ShortRing = new(Data: "ring", Iterations: 1500, LrSchedule: LearningRateSchedule.Linear, FramesEvery: 0, Seed: 1);

    [Fact]
    public void A_short_seeded_ring_run_captures_at_least_seven_of_the_eight_modes()
    {
        var result = new ToyRun(ShortRing, _dir.Path).Run();
        Assert.NotNull(result.FinalModes);
        Assert.Equal(8, result.FinalModes!.ModesTotal);
        Assert.InRange(result.FinalModes.ModesCaptured, 7, 8);
        Assert.Equal(1500, result.Iterations);
    }

    [Fact]
    public void Two_runs_with_the_same_seed_write_identical_metrics_and_samples()
    {
        var config = new ToyRunConfig(Iterations: 40, FramesEvery: 20, GWidth: 32, DWidth: 32, Seed: 5);
        var a = Path.Combine(_dir.Path, "a");
        var b = Path.Combine(_dir.Path, "b");
        new ToyRun(config, a).Run();
        new ToyRun(config, b).Run();
        string WithoutTiming(string dir) => Regex.Replace(File.ReadAllText(Path.Combine(dir, "metrics.json")), "\"seconds\": [^,]*,", "");
        Assert.Equal(WithoutTiming(a), WithoutTiming(b));
        Assert.Contains("\"modes_total\": 8", WithoutTiming(a));
        Assert.Equal(File.ReadAllText(Path.Combine(a, "samples.csv")), File.ReadAllText(Path.Combine(b, "samples.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(a, "config.json")), File.ReadAllText(Path.Combine(b, "config.json")));
    }

    [Fact]
    public void A_run_writes_every_output_with_a_frame_every_n_iterations_and_at_the_ends()
    {
        var result = new ToyRun(new ToyRunConfig(Data: "mixture1d", Iterations: 25, FramesEvery: 10, GWidth: 16, DWidth: 16), _dir.Path).Run();
        foreach (var name in new[] { "config.json", "metrics.json", "samples.csv", "training.gif", "curves.png" })
            Assert.True(File.Exists(_dir.File(name)), name);
        var frames = Directory.GetFiles(Path.Combine(_dir.Path, "frames")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(new[] { "iteration_000000.png", "iteration_000010.png", "iteration_000020.png", "iteration_000025.png" }, frames);
        Assert.Equal(ToyRun.PreviewSamples + 1, File.ReadAllLines(_dir.File("samples.csv")).Length);
        Assert.Equal(25, result.History.Count);
        Assert.Equal(new[] { 10, 20, 25 }, result.History.Where(h => h.ModesCaptured is not null).Select(h => h.Iteration));
    }

    [Fact]
    public void A_run_on_a_point_file_has_no_mode_metrics()
    {
        var points = _dir.File("points.csv");
        File.WriteAllText(points, "x,y\n" + string.Join("\n", Enumerable.Range(0, 50).Select(i => $"{Math.Cos(i)},{Math.Sin(i)}")));
        var result = new ToyRun(new ToyRunConfig(Data: points, Iterations: 5, FramesEvery: 0, GWidth: 16, DWidth: 16), Path.Combine(_dir.Path, "out")).Run();
        Assert.Null(result.FinalModes);
        var metrics = File.ReadAllText(Path.Combine(_dir.Path, "out", "metrics.json"));
        Assert.Contains("\"modes_captured\": null", metrics);
        Assert.Contains("\"iterations\": 5", metrics);
    }

    [Fact]
    public void A_cancelled_run_stops_and_still_writes_the_outputs_of_what_was_done()
    {
        using var cancel = new CancellationTokenSource();
        var run = new ToyRun(new ToyRunConfig(Iterations: 1000, FramesEvery: 0, GWidth: 16, DWidth: 16), _dir.Path);
        run.IterationCompleted += stats => { if (stats.Iteration == 12) cancel.Cancel(); };
        var result = run.Run(cancel.Token);
        Assert.True(result.Cancelled);
        Assert.Equal(12, result.Iterations);
        Assert.Equal(12, result.History[^1].Iteration);
        var metrics = File.ReadAllText(_dir.File("metrics.json"));
        Assert.Contains("\"iterations\": 12", metrics);
        Assert.Contains("\"cancelled\": true", metrics);
        Assert.True(File.Exists(_dir.File("training.gif")));
    }

    [Fact]
    public void A_diverging_run_reports_the_iteration_and_keeps_its_history()
    {
        var run = new ToyRun(new ToyRunConfig(Iterations: 200, FramesEvery: 0, LrD: 1e30, LrG: 1e30, GWidth: 16, DWidth: 16), _dir.Path);
        var e = Assert.Throws<TrainingDivergedException>(() => run.Run());
        Assert.Contains($"diverged at iteration {e.Stats.Iteration}", e.Message);
        Assert.Contains($"\"diverged_at_iteration\": {e.Stats.Iteration}", File.ReadAllText(_dir.File("metrics.json")));
    }
}
