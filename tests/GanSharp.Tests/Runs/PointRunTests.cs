using System.Text.RegularExpressions;
using GanSharp.Checkpoints;
using GanSharp.Gan;
using GanSharp.Runs;

namespace GanSharp.Tests.Runs;

public sealed class PointRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Half the demo: 1,500 iterations with the linearly decaying learning rate. Measured (docs/toy-results.md):
    /// seed 1 → 8/8 modes, seed 2 → 7/8, seed 3 → 2/8; seed 1 with a margin of one mode.
    /// </summary>
    internal static RunOptions ShortRing => Settings.Of("ring", ("iterations", 1500), ("lr_schedule", "linear"), ("frames_every", 0), ("seed", 1), ("threads", 1));

    private static string WithoutTiming(string directory) =>
        Regex.Replace(File.ReadAllText(Path.Combine(directory, "metrics.json")), "\"seconds\": [^,]*,", "");

    [Fact]
    public void A_short_seeded_ring_run_captures_at_least_seven_of_the_eight_modes()
    {
        using var run = GanRun.Start(ShortRing, _dir.Path);
        var result = run.Run();
        Assert.NotNull(result.FinalModes);
        Assert.Equal(8, result.FinalModes!.ModesTotal);
        Assert.InRange(result.FinalModes.ModesCaptured, 7, 8);
        Assert.Equal(1500, result.Iteration);
    }

    [Fact]
    public void Two_runs_with_the_same_seed_write_identical_metrics_and_samples()
    {
        var options = Settings.Of("ring", ("iterations", 40), ("frames_every", 20), ("g_width", 32), ("d_width", 32), ("seed", 5), ("threads", 1));
        var a = Path.Combine(_dir.Path, "a");
        var b = Path.Combine(_dir.Path, "b");
        using (var run = GanRun.Start(options, a)) run.Run();
        using (var run = GanRun.Start(options, b)) run.Run();
        Assert.Equal(WithoutTiming(a), WithoutTiming(b));
        Assert.Contains("\"modes_total\": 8", WithoutTiming(a));
        Assert.Equal(File.ReadAllText(Path.Combine(a, "samples.csv")), File.ReadAllText(Path.Combine(b, "samples.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(a, "config.json")), File.ReadAllText(Path.Combine(b, "config.json")));
    }

    [Fact]
    public void A_run_writes_every_output_with_a_frame_every_n_iterations_and_at_the_ends()
    {
        using var run = GanRun.Start(Settings.Of("mixture1d", ("iterations", 25), ("frames_every", 10), ("g_width", 16), ("d_width", 16)), _dir.Path);
        run.Run();
        foreach (var name in new[] { "config.json", "metrics.json", "samples.csv", "training.gif", "curves.png" })
            Assert.True(File.Exists(_dir.File(name)), name);
        var frames = Directory.GetFiles(Path.Combine(_dir.Path, "frames")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(new[] { "iteration_000000.png", "iteration_000010.png", "iteration_000020.png", "iteration_000025.png" }, frames);
        Assert.Equal(PointFrames.PreviewSamples + 1, File.ReadAllLines(_dir.File("samples.csv")).Length);
        Assert.Equal(25, run.History.Points.Count);
        Assert.Equal(new[] { 10, 20, 25 }, run.History.Points.Where(h => h.ModesCaptured is not null).Select(h => h.Iteration));
        Assert.Equal(25, CheckpointFile.ReadState(CheckpointStore.Resolve(_dir.Path)).Iteration);
    }

    [Fact]
    public void A_run_on_a_point_file_has_no_mode_metrics()
    {
        var points = _dir.File("points.csv");
        File.WriteAllText(points, "x,y\n" + string.Join("\n", Enumerable.Range(0, 50).Select(i => FormattableString.Invariant($"{Math.Cos(i)},{Math.Sin(i)}"))));
        using var run = GanRun.Start(Settings.Of(points, ("iterations", 5), ("frames_every", 0), ("g_width", 16), ("d_width", 16)), Path.Combine(_dir.Path, "out"));
        var result = run.Run();
        Assert.Null(result.FinalModes);
        var metrics = File.ReadAllText(Path.Combine(_dir.Path, "out", "metrics.json"));
        Assert.Contains("\"modes_captured\": null", metrics);
        Assert.Contains("\"iterations\": 5", metrics);
    }

    [Fact]
    public void A_cancelled_run_stops_writes_the_outputs_of_what_was_done_and_resumes_to_the_uninterrupted_results()
    {
        var options = Settings.Of("ring", ("iterations", 30), ("frames_every", 10), ("g_width", 16), ("d_width", 16), ("checkpoint_every", 1000), ("threads", 1));
        var straight = Path.Combine(_dir.Path, "straight");
        using (var run = GanRun.Start(options, straight)) run.Run();

        var stopped = Path.Combine(_dir.Path, "stopped");
        using var cancel = new CancellationTokenSource();
        using (var run = GanRun.Start(options, stopped))
        {
            run.Progress += p => { if (p.Iteration == 12) cancel.Cancel(); };
            var result = run.Run(cancel.Token);
            Assert.Equal(RunEnding.Cancelled, result.Ending);
            Assert.Equal(12, result.Iteration);
            Assert.Equal(12, run.History.Points[^1].Iteration);
        }
        var metrics = File.ReadAllText(Path.Combine(stopped, "metrics.json"));
        Assert.Contains("\"iterations\": 12", metrics);
        Assert.Contains("\"cancelled\": true", metrics);
        Assert.True(File.Exists(Path.Combine(stopped, "training.gif")));

        using (var resumed = GanRun.Resume(stopped))
        {
            Assert.Equal(12, resumed.Iteration);
            Assert.Equal(30, resumed.Run().Iteration);
        }
        Assert.Equal(WithoutTiming(straight), WithoutTiming(stopped));
        Assert.Equal(File.ReadAllText(Path.Combine(straight, "samples.csv")), File.ReadAllText(Path.Combine(stopped, "samples.csv")));
        Assert.Equal(Directory.GetFiles(Path.Combine(straight, "frames")).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(stopped, "frames")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_run_killed_after_a_checkpoint_resumes_to_the_same_samples_weights_and_metrics_as_an_uninterrupted_run()
    {
        var options = Settings.Of("ring", ("iterations", 40), ("frames_every", 10), ("g_width", 16), ("d_width", 16), ("checkpoint_every", 15),
            ("lr_schedule", "linear"), ("replay_fraction", 0.5), ("replay_capacity", 100), ("threads", 1));
        var straight = Path.Combine(_dir.Path, "straight");
        float[] expected;
        using (var run = GanRun.Start(options, straight))
        {
            run.Run();
            expected = GeneratorWeights(run);
        }

        var killed = Path.Combine(_dir.Path, "killed");
        using (var run = GanRun.Start(options, killed))
        {
            // Stands in for SIGKILL at iteration 22: no final checkpoint or outputs, the process state is lost; iteration 15's checkpoint remains.
            run.Progress += p => { if (p.Iteration == 22) throw new OperationCanceledException("killed"); };
            Assert.Throws<OperationCanceledException>(() => run.Run());
        }
        Assert.Equal(15, CheckpointFile.ReadState(CheckpointStore.Resolve(killed)).Iteration);
        Assert.False(File.Exists(Path.Combine(killed, "metrics.json")));

        using (var resumed = GanRun.Resume(killed))
        {
            Assert.Equal(15, resumed.Iteration);
            resumed.Run();
            Assert.Equal(expected, GeneratorWeights(resumed));
        }
        Assert.Equal(WithoutTiming(straight), WithoutTiming(killed));
        Assert.Equal(File.ReadAllText(Path.Combine(straight, "samples.csv")), File.ReadAllText(Path.Combine(killed, "samples.csv")));
    }

    [Fact]
    public void Starting_over_an_existing_run_points_to_resume_and_force_replaces_it()
    {
        var options = Settings.Of("ring", ("iterations", 3), ("frames_every", 0), ("g_width", 8), ("d_width", 8));
        using (var run = GanRun.Start(options, _dir.Path)) run.Run();
        var e = Assert.Throws<IOException>(() => GanRun.Start(options, _dir.Path));
        Assert.Contains("--resume", e.Message);
        Assert.Contains("--force", e.Message);
        using (var run = GanRun.Start(options with { Iterations = 2 }, _dir.Path, replace: true)) run.Run();
        Assert.Equal(new[] { 2 }, CheckpointStore.List(Path.Combine(_dir.Path, "checkpoints")).Select(p => CheckpointFile.ReadState(p).Iteration));
    }

    [Fact]
    public void A_diverging_run_reports_the_iteration_and_keeps_its_history()
    {
        using var run = GanRun.Start(Settings.Of("ring", ("iterations", 200), ("frames_every", 0), ("lr_d", 1e30), ("lr_g", 1e30), ("g_width", 16), ("d_width", 16)), _dir.Path);
        var e = Assert.Throws<TrainingDivergedException>(() => run.Run());
        Assert.Contains($"diverged at iteration {e.Stats.Iteration}", e.Message);
        Assert.Contains($"\"diverged_at_iteration\": {e.Stats.Iteration}", File.ReadAllText(_dir.File("metrics.json")));
    }

    [Fact]
    public void A_run_with_k_discriminator_steps_draws_k_real_minibatches_per_iteration()
    {
        using var run = GanRun.Start(Settings.Of("ring", ("iterations", 4), ("k", 3), ("batch_size", 8), ("frames_every", 0), ("g_width", 8), ("d_width", 8)), _dir.Path);
        var before = run.Trainer.Data.SaveState();
        run.Run();
        // Each of the 4 × 3 D steps draws one minibatch of real points: replaying 12 draws from the saved state reaches the run's position.
        using var replay = new GanSharp.Data.DistributionBatchSource(GanSharp.Distributions.TargetDistributions.Ring(), 0);
        replay.LoadState(before);
        for (int i = 0; i < 12; i++) replay.NextBatch(8).Dispose();
        Assert.Equal(run.Trainer.Data.SaveState().GeneratorState, replay.SaveState().GeneratorState);
    }

    private static float[] GeneratorWeights(GanRun run) =>
        run.Trainer.Generator.state_dict().Values.SelectMany(t => t.to_type(TorchSharp.torch.float32).data<float>().ToArray()).ToArray();
}
