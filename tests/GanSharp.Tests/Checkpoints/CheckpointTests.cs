using GanSharp.Checkpoints;
using GanSharp.Data;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runs;
using GanSharp.Tests.Runs;
using static TorchSharp.torch;

namespace GanSharp.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gansharp-ckpt-").FullName;
    private readonly Tensor _images;

    public CheckpointTests()
    {
        manual_seed(2);
        _images = rand(12, 1, 28, 28).mul(2).sub(1);
    }

    public void Dispose()
    {
        _images.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private (GanTrainer Trainer, ImageBatchSource Source) NewTrainer(int weightSeed, ModelKind kind = ModelKind.Dcgan)
    {
        manual_seed(weightSeed);
        var spec = Settings.Of("fashion-mnist", ("model", SettingNames.Name(kind)), ("latent_dim", 6), (kind == ModelKind.Dcgan ? "features" : "g_width", 4));
        var (generator, discriminator) = RunModels.Create(spec, new long[] { 1, 28, 28 });
        var source = new ImageBatchSource(_images, seed: weightSeed);
        var options = new TrainingOptions(Iterations: 100, BatchSize: 4, LatentDim: 6, Seed: weightSeed,
            DiscriminatorOptimizer: new OptimizerOptions(LearningRate: 1e-3), GeneratorOptimizer: new OptimizerOptions(LearningRate: 1e-3));
        return (new GanTrainer(generator, discriminator, source, options), source);
    }

    private static float[] Weights(GanTrainer t) => t.Generator.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();

    [Fact]
    public void A_restored_trainer_continues_exactly_like_the_one_that_was_saved()
    {
        var (a, sourceA) = NewTrainer(1);
        for (int i = 0; i < 3; i++) a.Step();
        var path = Path.Combine(_dir, "a" + CheckpointFile.Extension);
        CheckpointFile.Write(path, "{\"note\":\"x\"}", "{\"observer\":1}", new long[] { 1, 28, 28 }, a);

        var (b, sourceB) = NewTrainer(99);
        CheckpointFile.Restore(path, b);
        Assert.Equal(3, b.Iteration);
        Assert.Equal(Weights(a), Weights(b));

        var nextA = a.Step();
        var nextB = b.Step();
        Assert.Equal(nextA, nextB);
        Assert.Equal(Weights(a), Weights(b));
        Assert.Equal("{\"note\":\"x\"}", CheckpointFile.ReadConfig(path));
        Assert.Equal("{\"observer\":1}", CheckpointFile.ReadState(path).RunState);
        Assert.Equal(new long[] { 1, 28, 28 }, CheckpointFile.ReadState(path).SampleShape);
        Assert.False(File.Exists(path + ".tmp"));
        foreach (var d in new IDisposable[] { a, b, sourceA, sourceB }) d.Dispose();
    }

    [Fact]
    public void Loading_a_checkpoint_into_another_architecture_says_so()
    {
        var (a, sa) = NewTrainer(1);
        var path = Path.Combine(_dir, "dcgan" + CheckpointFile.Extension);
        CheckpointFile.Write(path, "{}", null, new long[] { 1, 28, 28 }, a);
        var (mlp, sm) = NewTrainer(1, ModelKind.Mlp);
        var e = Assert.Throws<InvalidDataException>(() => CheckpointFile.Restore(path, mlp));
        Assert.Contains("another architecture", e.Message);
        foreach (var d in new IDisposable[] { a, mlp, sa, sm }) d.Dispose();
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_refused_by_name()
    {
        var path = Path.Combine(_dir, "notes" + CheckpointFile.Extension);
        File.WriteAllText(path, "hello");
        Assert.Contains("is not a GanSharp checkpoint", Assert.Throws<InvalidDataException>(() => CheckpointFile.ReadConfig(path)).Message);
    }

    [Fact]
    public void The_store_keeps_the_newest_k_and_a_run_folder_resolves_to_its_latest_checkpoint()
    {
        var store = new CheckpointStore(_dir, keep: 2);
        Directory.CreateDirectory(store.Directory);
        foreach (var it in new[] { 5, 100, 20 }) File.WriteAllText(store.PathFor(it), "x");
        File.WriteAllText(store.PathFor(7) + ".tmp", "partial");
        store.Prune();
        Assert.Equal(new[] { store.PathFor(20), store.PathFor(100) }, CheckpointStore.List(store.Directory));
        Assert.Empty(Directory.GetFiles(store.Directory, "*.tmp"));
        Assert.Equal(store.PathFor(100), CheckpointStore.Resolve(_dir));
        Assert.Equal(store.PathFor(20), CheckpointStore.Resolve(store.PathFor(20)));
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        Assert.Contains("holds no checkpoint", Assert.Throws<FileNotFoundException>(() => CheckpointStore.Resolve(empty)).Message);
    }
}
