using GanSharp.Checkpoints;
using GanSharp.Data;
using GanSharp.Runs;

namespace GanSharp.Tests.Data;

public class FashionMnistTests
{
    [FashionMnistFact]
    public void The_installed_training_set_has_60000_images_6000_per_class_in_minus_one_to_one()
    {
        using var set = FashionMnist.Load();
        Assert.Equal(new long[] { 60_000, 1, 28, 28 }, set.Images.shape);
        Assert.All(set.Labels!.GroupBy(l => l), g => Assert.Equal(6000, g.Count()));
        Assert.Equal(10, set.Labels!.Distinct().Count());
        Assert.Equal(-1f, set.Images.min().item<float>());
        Assert.Equal(1f, set.Images.max().item<float>());
    }

    [FashionMnistFact]
    public void The_installed_test_set_has_10000_images()
    {
        using var set = FashionMnist.Load(train: false);
        Assert.Equal(10_000, set.Count);
    }

    [FashionMnistFact]
    public void A_short_dcgan_run_on_the_installed_set_writes_a_28_pixel_grid_and_a_resumable_checkpoint()
    {
        var dir = Directory.CreateTempSubdirectory("gansharp-fmnist-").FullName;
        try
        {
            var options = Runs.Settings.Of("fashion-mnist", ("features", 4), ("latent_dim", 8), ("batch_size", 32), ("iterations", 4), ("sample_every", 4), ("checkpoint_every", 4), ("sample_count", 16));
            using var run = GanRun.Start(options, dir);
            var result = run.Run();
            Assert.Equal(60_000, run.Data.Dataset!.Count);
            Assert.Equal(4, run.TotalIterations);   // 5 epochs of ⌊60000 / 32⌋ batches, capped at 4
            Assert.Equal(4, result.Iteration);
            using (var grid = SkiaSharp.SKBitmap.Decode(run.Observer<GanSharp.Runs.SampleGrids>()!.LastPath!)) Assert.Equal(4 * 30 + 2, grid.Width);
            Assert.Equal(4, CheckpointFile.ReadState(CheckpointStore.Resolve(dir)).Iteration);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
