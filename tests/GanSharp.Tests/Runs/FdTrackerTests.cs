using System.Text.Json.Nodes;
using GanSharp.Checkpoints;
using GanSharp.Data;
using GanSharp.Evaluation;
using GanSharp.Runs;
using GanSharp.Tests.Evaluation;

namespace GanSharp.Tests.Runs;

public sealed class FdTrackerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static RunOptions Tiny(string bars, int evalEvery) => Settings.Of(ImageDatasets.MnistName,
        ("data_dir", bars), ("latent_dim", 8), ("features", 4), ("epochs", 1), ("batch_size", 32), ("lr_d", 1e-3), ("lr_g", 1e-3), ("seed", 3),
        ("sample_every", 100), ("checkpoint_every", 2), ("keep", 1), ("sample_count", 4), ("iterations", 6), ("eval_every", evalEvery), ("threads", 1));

    [Fact]
    public void A_run_with_eval_every_logs_fd_to_metrics_json_and_keeps_the_best_checkpoint_through_pruning()
    {
        var bars = BarIdxFiles.Write(_dir.File("bars"), 360, 120);
        var tracking = new RunEnvironment(new ClassifierCache(_dir.File("cache")), new FeatureClassifierOptions(Epochs: 1), FdSampleCount: 100);
        using (var data = EvaluationData.Open(ImageDatasets.MnistName, bars, tracking.Classifier.Seed))
        using (FeatureClassifiers.GetOrTrain(data, tracking.Classifier, tracking.Cache)) { }

        var runDir = _dir.File("run");
        var events = new List<(int Iteration, double Fd, bool IsBest)>();
        using (var run = GanRun.Start(Tiny(bars, evalEvery: 3), runDir, tracking))
        {
            run.FdMeasured += (iteration, fd, isBest) => events.Add((iteration, fd, isBest));
            run.Run();
        }

        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, MetricsFile.FileName)))!;
        var history = metrics["fd_history"]!.AsArray().Select(p => (Iteration: p!["iteration"]!.GetValue<int>(), Fd: p["fd"]!.GetValue<double>())).ToList();
        Assert.Equal(new[] { 3, 6 }, history.Select(p => p.Iteration));
        Assert.All(history, p => Assert.True(double.IsFinite(p.Fd) && p.Fd > 0, $"fd {p.Fd}"));
        Assert.Equal(events.Select(e => (e.Iteration, e.Fd)), history);
        var best = history.MinBy(p => p.Fd);
        Assert.Equal(best.Fd, metrics["best_fd"]!.GetValue<double>());
        Assert.Equal(best.Iteration, metrics["best_iteration"]!.GetValue<int>());

        var store = new CheckpointStore(runDir, 1);
        Assert.Equal(new[] { store.PathFor(6) }, CheckpointStore.List(store.Directory));   // keep 1: older ones pruned, best kept aside
        using var g = GeneratorCheckpoint.Load(store.BestPath);
        Assert.Equal(best.Iteration, g.Iteration);
        using var noise = new RandomStream(1);
        using var images = g.Sample(2L, noise);
        Assert.Equal(new long[] { 2, 1, 28, 28 }, images.shape);
        Assert.NotEqual(store.BestPath, CheckpointStore.Resolve(runDir));       // a run folder still means its latest checkpoint
    }

    [Fact]
    public void Eval_every_without_a_cached_classifier_fails_at_start_naming_the_command_that_trains_it()
    {
        var bars = BarIdxFiles.Write(_dir.File("bars"), 60, 20);
        var tracking = new RunEnvironment(new ClassifierCache(_dir.File("empty-cache")), new FeatureClassifierOptions(Epochs: 1));
        var e = Assert.Throws<FileNotFoundException>(() => GanRun.Start(Tiny(bars, evalEvery: 3), _dir.File("run"), tracking));
        Assert.Contains($"gansharp eval train-classifier --data mnist --data-dir {bars} --classifier-epochs 1", e.Message);
        Assert.False(Directory.Exists(Path.Combine(_dir.File("run"), "checkpoints")));
    }

    [Fact]
    public void Eval_every_must_be_zero_or_positive_and_needs_28_pixel_grayscale_images()
    {
        var fashion = Settings.Of(ImageDatasets.FashionMnistName);
        Assert.Contains((fashion with { EvalEvery = -1 }).Validate(), p => p.Contains("eval-every must be 0"));
        Assert.Contains((fashion with { Data = "pictures", ImageSize = 64, Channels = 3, EvalEvery = 10 }).Validate(), p => p.Contains("28×28 grayscale"));
        Assert.Empty((fashion with { EvalEvery = 10 }).Validate());
        Assert.Empty((fashion with { Data = "pictures", ImageSize = 64, Channels = 3 }).Validate());
    }
}
