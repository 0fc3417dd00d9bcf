using GanSharp.Models;
using GanSharp.Runs;
using GanSharp.Tests.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Tests.Runs;

public sealed class RemedyRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static float[] Weights(Module module) =>
        module.state_dict().Values.SelectMany(t => t.to_type(float32).data<float>().ToArray()).ToArray();

    private static RunOptions Remedies(string objective) => Settings.Of("ring", ("objective", objective), ("k", 1), ("iterations", 20), ("frames_every", 0),
        ("g_width", 16), ("d_width", 16), ("checkpoint_every", 10), ("batch_size", 32), ("pack", 2), ("ema", 0.9), ("spectral_norm", true), ("r1", 1.0), ("threads", 1));

    [Theory]
    [InlineData("wgan-gp")]
    [InlineData("hinge")]
    public void A_run_with_every_remedy_killed_after_a_checkpoint_resumes_to_the_same_generator_and_average(string objective)
    {
        var options = Remedies(objective);
        float[] live, average;
        using (var run = GanRun.Start(options, Path.Combine(_dir.Path, "straight")))
        {
            run.Run();
            live = Weights(run.Trainer.Generator);
            average = Weights(run.Trainer.SamplingGenerator);
        }
        Assert.NotEqual(live, average);

        var killed = Path.Combine(_dir.Path, "killed");
        using (var run = GanRun.Start(options, killed))
        {
            run.Progress += p => { if (p.Iteration == 14) throw new OperationCanceledException("killed"); };
            Assert.Throws<OperationCanceledException>(() => run.Run());
        }
        using (var resumed = GanRun.Resume(killed))
        {
            Assert.Equal(10, resumed.Iteration);
            resumed.Run();
            Assert.Equal(live, Weights(resumed.Trainer.Generator));
            Assert.Equal(average, Weights(resumed.Trainer.SamplingGenerator));
        }
        // Sampling from the checkpoint uses the average; --no-ema G's own weights.
        using var checkpoint = GeneratorCheckpoint.Load(killed);
        Assert.True(checkpoint.IsAverage);
        Assert.Equal(average, Weights(checkpoint.Generator));
        using var own = GeneratorCheckpoint.Load(killed, ownWeights: true);
        Assert.False(own.IsAverage);
        Assert.Equal(live, Weights(own.Generator));
    }

    [Fact]
    public void A_packing_d_reads_m_samples_side_by_side_on_points_and_images()
    {
        var points = Settings.Of("ring", ("pack", 4));
        var (g, d) = RunModels.Create(points, new long[] { 2 });
        Assert.Equal(new long[] { 8 }, ((MlpDiscriminator)d).InputShape);
        g.Dispose();
        d.Dispose();

        var images = Settings.Of("fashion-mnist", ("pack", 2), ("features", 4), ("spectral_norm", true));
        var (gi, di) = RunModels.Create(images, new long[] { 1, 28, 28 });
        using var x = zeros(3, 2, 28, 28);   // 3 packs of 2 images
        using var logits = di.forward(x);
        Assert.Equal(new long[] { 3 }, logits.shape);
        Assert.Contains(di.modules(), m => m is SpectralNorm);
        gi.Dispose();
        di.Dispose();
    }

    [Fact]
    public void After_each_wgan_step_every_weight_of_d_lies_in_minus_c_to_c()
    {
        var options = Settings.Of("ring", ("objective", "wgan"), ("k", 2), ("iterations", 3), ("frames_every", 0), ("g_width", 16), ("d_width", 16), ("clip", 0.05), ("threads", 1));
        using var run = GanRun.InMemory(options, GanSharp.Runs.RunData.Points(GanSharp.Distributions.TargetDistributions.Ring()));
        for (int i = 0; i < 3; i++) run.Step();
        float largest = run.Trainer.Discriminator.parameters().Max(p => p.abs().max().item<float>());
        Assert.True(largest <= 0.05f + 1e-7f, $"largest |w| = {largest}");
        Assert.Equal(0.05f, largest, 6);   // clipping was active: D's Adam-free RMSprop steps push some weight out each time
    }

    [FashionMnistFact]
    public void Fashion_mnist_trains_without_divergence_under_wgan_gp_under_hinge_with_spectral_norm_and_ema_and_with_packs_and_the_minibatch_spread()
    {
        foreach (var extra in new[] { new (string, System.Text.Json.Nodes.JsonNode?)[] { ("objective", "wgan-gp") },
                     new (string, System.Text.Json.Nodes.JsonNode?)[] { ("objective", "hinge"), ("spectral_norm", true), ("ema", 0.999) },
                     new (string, System.Text.Json.Nodes.JsonNode?)[] { ("pack", 2), ("minibatch_std", true) } })
        {
            var options = Settings.Of("fashion-mnist", extra.Concat(new (string, System.Text.Json.Nodes.JsonNode?)[]
                { ("features", 4), ("batch_size", 16), ("iterations", 6), ("k", 2), ("sample_every", 3), ("sample_count", 4), ("checkpoint_every", 6), ("threads", 1) }).ToArray());
            var folder = Path.Combine(_dir.Path, string.Join("-", extra.Select(e => e.Item1)));
            using var run = GanRun.Start(options, folder);
            var result = run.Run();
            Assert.Equal(RunEnding.Completed, result.Ending);
            Assert.Equal(6, result.Iteration);
            Assert.All(run.History.Points, p => Assert.True(double.IsFinite(p.DLoss) && double.IsFinite(p.GLoss), $"{p.Iteration}: {p}"));
            using var sample = run.SamplePreview(4);
            Assert.True(sample.isfinite().all().item<bool>());
        }
    }
}
