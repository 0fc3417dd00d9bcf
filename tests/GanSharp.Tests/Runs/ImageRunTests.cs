using GanSharp.Checkpoints;
using GanSharp.Objectives;
using GanSharp.Runs;
using GanSharp.Tests.Data;
using SkiaSharp;

namespace GanSharp.Tests.Runs;

public sealed class ImageRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gansharp-imagerun-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Sixteen 64×64 RGB pictures: a coloured disc at varying places on a dark background.</summary>
    private string MakePictures()
    {
        var folder = Path.Combine(_dir, "pictures");
        for (int i = 0; i < 16; i++)
        {
            int cx = 16 + 2 * i, cy = 48 - 2 * i;
            var colour = new SKColor((byte)(60 + 12 * i), 200, (byte)(255 - 10 * i));
            TestPictures.Write(Path.Combine(folder, $"p{i:D2}.png"), 64, 64,
                (x, y) => (x - cx) * (x - cx) + (y - cy) * (y - cy) < 144 ? colour : new SKColor(10, 10, 30));
        }
        return folder;
    }

    private static RunOptions Tiny(string data, int size = 64, int channels = 3) => Settings.Of(data,
        ("image_size", size), ("channels", channels), ("latent_dim", 8), ("features", 4), ("epochs", 3), ("batch_size", 4), ("lr_d", 1e-3), ("lr_g", 1e-3),
        ("seed", 5), ("sample_every", 4), ("checkpoint_every", 4), ("keep", 2), ("sample_count", 9), ("threads", 1));

    private static float[] GeneratorWeights(GanRun run) =>
        run.Trainer.Generator.state_dict().Values.SelectMany(t => t.to_type(TorchSharp.torch.float32).data<float>().ToArray()).ToArray();

    [Fact]
    public void A_folder_of_64_pixel_rgb_pictures_trains_end_to_end_and_writes_grids_tensorboard_and_checkpoints()
    {
        var runDir = Path.Combine(_dir, "run");
        var options = Tiny(MakePictures());
        using var run = GanRun.Start(options, runDir);
        var progress = new List<RunProgress>();
        run.Progress += progress.Add;
        var result = run.Run();

        Assert.Equal(12, run.TotalIterations);                  // 3 epochs × ⌊16 / 4⌋
        Assert.True(result.Completed);
        Assert.Equal(Enumerable.Range(1, 12), progress.Select(p => p.Iteration));
        Assert.Equal(3, progress[^1].Epoch);
        Assert.All(progress, p => Assert.True(double.IsFinite(p.Stats.DiscriminatorLoss)));
        Assert.Equal(new[] { 0, 4, 8, 12 }.Select(i => $"iter-{i:D9}.png"),
            Directory.GetFiles(Path.Combine(runDir, "samples")).Select(Path.GetFileName).Order());
        using (var grid = SKBitmap.Decode(run.Observer<SampleGrids>()!.LastPath!))
            Assert.Equal((3 * (64 + 2) + 2, 3 * (64 + 2) + 2), (grid.Width, grid.Height));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(runDir, "tensorboard"), "events.out.tfevents*", SearchOption.AllDirectories));
        Assert.Equal(2, CheckpointStore.List(Path.Combine(runDir, "checkpoints")).Count);
        Assert.Equal(12, CheckpointFile.ReadState(CheckpointStore.Resolve(runDir)).Iteration);
        Assert.True(File.Exists(Path.Combine(runDir, "images.cache")));
        Assert.Equal(options.ToJson(), RunFolder.ReadOptions(runDir).ToJson());
        Assert.Contains("\"history\"", File.ReadAllText(Path.Combine(runDir, "metrics.json")));
        Assert.True(File.Exists(Path.Combine(runDir, "curves.png")));
    }

    [Fact]
    public void A_run_killed_after_its_last_checkpoint_resumes_to_the_same_generator_weights_as_an_uninterrupted_run()
    {
        var pictures = Path.Combine(_dir, "mnist-like");
        for (int i = 0; i < 12; i++)
            TestPictures.Write(Path.Combine(pictures, $"{i}.png"), 28, 28, (x, y) => Math.Abs(x - 2 * i - 3) < 3 ? SKColors.White : SKColors.Black);
        var options = Tiny(pictures, 28, 1) with { Epochs = 4, BatchSize = 3, CheckpointEvery = 5, K = 2, Prior = GanSharp.Distributions.NoisePrior.Uniform, Objective = GanObjective.Minimax };

        using (var straight = GanRun.Start(options, Path.Combine(_dir, "straight")))
        {
            straight.Run();
            var expected = GeneratorWeights(straight);

            var killedDir = Path.Combine(_dir, "killed");
            using (var killed = GanRun.Start(options, killedDir))
            {
                // Stands in for SIGKILL at iteration 7: no final checkpoint, the process state is lost; iteration 5's file remains.
                killed.Progress += p => { if (p.Iteration == 7) throw new OperationCanceledException("killed"); };
                Assert.Throws<OperationCanceledException>(() => killed.Run());
            }
            Assert.Equal(5, CheckpointFile.ReadState(CheckpointStore.Resolve(killedDir)).Iteration);

            using var resumed = GanRun.Resume(killedDir);
            Assert.Equal(5, resumed.Iteration);
            var result = resumed.Run();
            Assert.Equal(8, result.Iteration);           // 4 epochs × ⌊⌊12 / 3⌋ / k⌋ with k = 2
            Assert.Equal(expected, GeneratorWeights(resumed));
        }
    }

    [Fact]
    public void Cancelling_writes_a_checkpoint_at_the_iteration_reached()
    {
        var pictures = MakePictures();
        using var cancel = new CancellationTokenSource();
        using var run = GanRun.Start(Tiny(pictures) with { Epochs = 1, Features = 2, SampleEvery = 100, CheckpointEvery = 100 }, Path.Combine(_dir, "c"));
        run.Progress += p => { if (p.Iteration == 2) cancel.Cancel(); };
        var result = run.Run(cancel.Token);
        Assert.False(result.Completed);
        Assert.Equal(2, CheckpointFile.ReadState(run.Observer<Checkpointing>()!.LastPath!).Iteration);
    }

    [Fact]
    public void Resuming_with_a_conflicting_configuration_names_each_conflict()
    {
        var runDir = Path.Combine(_dir, "r");
        Directory.CreateDirectory(runDir);
        var saved = Tiny("pictures-folder");
        File.WriteAllText(Path.Combine(runDir, GanRun.ConfigFileName), saved.ToJson());
        var e = Assert.Throws<ArgumentException>(() => GanRun.Resume(runDir, saved with { K = 2, Seed = 6, Epochs = 9 }));
        Assert.Contains("k: the run has 1, requested 2", e.Message);
        Assert.Contains("seed: the run has 5, requested 6", e.Message);
        Assert.DoesNotContain("epochs", e.Message);
    }

    [Fact]
    public void Starting_over_an_existing_run_points_to_resume()
    {
        var runDir = Path.Combine(_dir, "existing");
        Directory.CreateDirectory(Path.Combine(runDir, "checkpoints"));
        File.WriteAllText(Path.Combine(runDir, "checkpoints", "checkpoint-000000004.gsckpt"), "x");
        var e = Assert.Throws<IOException>(() => GanRun.Start(Tiny("x"), runDir));
        Assert.Contains("--resume", e.Message);
    }

    [Fact]
    public void An_image_size_the_dcgan_does_not_support_is_a_configuration_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Tiny("x", size: 48));
        Assert.Contains("image size 48 is not supported: choose 28, 32, 64", e.Message);
    }

    [Fact]
    public void An_unknown_key_in_config_json_is_rejected()
    {
        var json = Tiny("x").ToJson().Replace("\"seed\"", "\"sede\"");
        var e = Assert.Throws<InvalidDataException>(() => RunOptions.FromJson(json, "config.json"));
        Assert.Contains("config.json", e.Message);
        Assert.Contains("sede", e.Message);
    }
}
