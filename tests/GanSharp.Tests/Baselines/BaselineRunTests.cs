using GanSharp.Checkpoints;
using GanSharp.Runs;
using GanSharp.Tests.Data;
using GanSharp.Tests.Runs;
using SkiaSharp;

namespace GanSharp.Tests.Baselines;

public sealed class BaselineRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gansharp-baseline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Twelve 28×28 grayscale pictures: a vertical bar at varying columns.</summary>
    private string MakePictures()
    {
        var folder = Path.Combine(_dir, "bars");
        for (int i = 0; i < 12; i++)
            TestPictures.Write(Path.Combine(folder, $"{i}.png"), 28, 28, (x, y) => Math.Abs(x - 2 * i - 3) < 3 ? SKColors.White : SKColors.Black);
        return folder;
    }

    private static RunOptions Tiny(string data, string model) => model == "gmm"
        ? Settings.Of(data, ("model", model), ("image_size", 28), ("channels", 1), ("components", 3), ("epochs", 6), ("seed", 5),
            ("sample_every", 2), ("checkpoint_every", 3), ("sample_count", 9), ("threads", 1))
        : Settings.Of(data, ("model", model), ("image_size", 28), ("channels", 1), ("latent_dim", 4), ("features", 4), ("epochs", 3),
            ("batch_size", 4), ("seed", 5), ("sample_every", 3), ("checkpoint_every", 4), ("sample_count", 9), ("threads", 1));

    [Theory]
    [InlineData("ae", 9)]
    [InlineData("vae", 9)]
    [InlineData("gmm", 6)]
    public void A_baseline_trains_through_the_run_and_its_checkpoint_samples_like_a_generator(string model, int iterations)
    {
        var runDir = Path.Combine(_dir, model);
        using (var run = GanRun.Start(Tiny(MakePictures(), model), runDir))
        {
            var losses = new List<double>();
            run.Progress += p => losses.Add(p.Stats.GeneratorLoss);
            var result = run.Run();
            Assert.True(result.Completed);
            Assert.Equal(iterations, run.TotalIterations);
            Assert.All(losses, l => Assert.True(double.IsFinite(l)));
            Assert.True(losses[^1] < losses[0], $"{model}: loss {losses[0]} → {losses[^1]}");
            Assert.Throws<InvalidOperationException>(() => run.Trainer);
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(runDir, "samples")));
        Assert.Equal(iterations, CheckpointFile.ReadState(CheckpointStore.Resolve(runDir)).Iteration);
        using var g = GeneratorCheckpoint.Load(runDir);
        using var samples = g.Sample(5, seed: 1);
        Assert.Equal(new long[] { 5, 1, 28, 28 }, samples.shape);
        Assert.InRange(samples.min().item<float>(), -1, 1);
        Assert.InRange(samples.max().item<float>(), -1, 1);
    }

    [Fact]
    public void An_auto_encoder_run_killed_after_a_checkpoint_resumes_to_the_same_samples()
    {
        var pictures = MakePictures();
        var options = Tiny(pictures, "ae");
        float[] expected;
        using (var straight = GanRun.Start(options, Path.Combine(_dir, "straight")))
        {
            straight.Run();
            using var s = straight.SamplePreview(4);
            expected = s.data<float>().ToArray();
        }
        var killedDir = Path.Combine(_dir, "killed");
        using (var killed = GanRun.Start(options, killedDir))
        {
            killed.Progress += p => { if (p.Iteration == 6) throw new OperationCanceledException("killed"); };
            Assert.Throws<OperationCanceledException>(() => killed.Run());
        }
        using var resumed = GanRun.Resume(killedDir);
        Assert.Equal(4, resumed.Iteration);
        resumed.Run();
        using var again = resumed.SamplePreview(4);
        Assert.Equal(expected, again.data<float>().ToArray());
    }

    [Fact]
    public void A_gan_setting_given_to_a_baseline_is_an_error_but_its_saved_defaults_are_not()
    {
        var e = Assert.Throws<ArgumentException>(() => Settings.Of("bars", ("model", "vae"), ("k", 2)));
        Assert.Contains("k (--k) does not apply to model vae", e.Message);
        var gmm = Settings.Of("bars", ("model", "gmm"), ("image_size", 28), ("channels", 1));
        Assert.Equal(28 * 28 + 1, gmm.LatentDim);
        Assert.Equal(gmm.ToJson(), RunOptions.FromJson(gmm.ToJson(), "config.json").ToJson());
        Assert.Throws<ArgumentException>(() => Settings.Of("bars", ("model", "gmm"), ("lr_g", 0.1)));
    }
}
