using System.CommandLine;
using GanSharp.Cli.Commands;
using GanSharp.Tests.Data;
using SkiaSharp;
using Spectre.Console;
using TorchSharp.PyBridge;

namespace GanSharp.Tests.Cli;

public sealed class ImageCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gansharp-imagecli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs a gansharp command line in-process on a plain console; returns the exit code and everything printed.</summary>
    private static (int ExitCode, string Output) Gansharp(params string[] args)
    {
        var writer = new StringWriter();
        var console = TestConsole.Create(writer);
        var root = new RootCommand { TrainCommand.Create(console), SampleCommand.Create(console), ExportCommand.Create(console) };
        int code = root.Parse(args).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
        return (code, writer.ToString());
    }

    /// <summary>A tiny image run on eight 32×32 pictures; returns its folder.</summary>
    private string TrainTinyRun()
    {
        var pictures = Path.Combine(_dir, "pictures");
        for (int i = 0; i < 8; i++)
            TestPictures.Write(Path.Combine(pictures, $"{i}.jpg"), 40, 32, (x, y) => x > 4 * i ? SKColors.White : SKColors.Gray);
        var run = Path.Combine(_dir, "run");
        var (code, text) = Gansharp("train", "--data", pictures, "--image-size", "32", "--channels", "1", "--features", "2", "--latent-dim", "4",
            "--epochs", "2", "--batch-size", "4", "--sample-every", "2", "--checkpoint-every", "2", "--seed", "1", "--out", run);
        Assert.True(code == 0, text);
        Assert.Contains("images per second", text);
        return run;
    }

    [Fact]
    public void Train_then_sample_grids_files_and_walks_then_export_safetensors_from_the_run_folder()
    {
        var run = TrainTinyRun();

        var grid = Path.Combine(_dir, "grid.png");
        var (code, text) = Gansharp("sample", "--checkpoint", run, "--n", "6", "--out", grid, "--seed", "3");
        Assert.True(code == 0, text);
        using (var bitmap = SKBitmap.Decode(grid)) Assert.Equal((3 * 34 + 2, 2 * 34 + 2), (bitmap.Width, bitmap.Height));   // ⌈√6⌉ = 3 columns of 32 + 2 padding

        var files = Path.Combine(_dir, "files");
        Assert.Equal(0, Gansharp("sample", "--checkpoint", run, "--n", "3", "--format", "png", "--out", files).ExitCode);
        Assert.Equal(new[] { "sample-0000.png", "sample-0001.png", "sample-0002.png" }, Directory.GetFiles(files).Select(Path.GetFileName).Order());

        var walk = Path.Combine(_dir, "walk.gif");
        Assert.Equal(0, Gansharp("sample", "--checkpoint", run, "--interpolate", "--n", "5", "--out", walk).ExitCode);
        Assert.Equal("GIF89a", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(walk), 0, 6));

        var weights = Path.Combine(_dir, "g.safetensors");
        Assert.Equal(0, Gansharp("export", "--checkpoint", run, "--out", weights).ExitCode);
        var tensors = Safetensors.LoadStateDict(weights);
        Assert.Equal(new long[] { 4, 8, 4, 4 }, tensors["net.project.weight"].shape);   // nz → F·2^(L−1) = 2·4 at 4×4
        Assert.Equal(new long[] { 2, 1, 4, 4 }, tensors["net.out.weight"].shape);
        Assert.Contains("net.bn0.running_mean", tensors.Keys);
    }

    [Fact]
    public void Resuming_with_another_model_is_refused_with_the_conflict_and_a_finished_run_resumes_longer()
    {
        var run = TrainTinyRun();
        var (code, text) = Gansharp("train", "--resume", run, "--model", "mlp");
        Assert.Equal(1, code);
        Assert.Contains("model: the run has \"dcgan\", requested \"mlp\"", text);

        (code, text) = Gansharp("train", "--resume", run, "--epochs", "3");
        Assert.True(code == 0, text);
        Assert.Contains("Continuing from iteration 4", text);
        Assert.Contains("checkpoint-000000006", text);
    }

    [Fact]
    public void Point_options_with_image_data_and_a_missing_checkpoint_are_clear_errors()
    {
        var (code, text) = Gansharp("train", "--data", "fashion-mnist", "--data-dir", _dir, "--frames-every", "3");
        Assert.Equal(1, code);
        Assert.Contains("frames_every (--frames-every) applies to point data", text);

        (code, text) = Gansharp("train", "--data", "ring", "--epochs", "3");
        Assert.Equal(1, code);
        Assert.Contains("epochs (--epochs) applies to image data", text);

        (code, text) = Gansharp("sample", "--checkpoint", Path.Combine(_dir, "nothing"));
        Assert.Equal(1, code);
        Assert.True(text.Contains("No checkpoint file or run folder"), text);

        (code, text) = Gansharp("train", "--data", "fashion-mnist", "--data-dir", _dir);
        Assert.Equal(1, code);
        Assert.Contains("apt-get install dataset-fashion-mnist", text);
    }

    [FashionMnistFact]
    public void Every_algorithm_1_setting_given_for_fashion_mnist_is_the_one_the_run_uses()
    {
        var run = Path.Combine(_dir, "fashion");
        var (code, text) = Gansharp("train", "--data", "fashion-mnist", "--model", "dcgan", "--objective", "minimax", "--k", "2", "--prior", "uniform",
            "--max-iterations", "3", "--features", "4", "--optimizer-g", "sgd", "--lr-d", "0.0005", "--out", run);
        Assert.True(code == 0, text);
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, "config.json")))!;
        Assert.Equal(("minimax", 2, "uniform", 3, "sgd", 0.0005), (config["objective"]!.GetValue<string>(), config["k"]!.GetValue<int>(),
            config["prior"]!.GetValue<string>(), config["iterations"]!.GetValue<int>(), config["optimizer_g"]!.GetValue<string>(), config["lr_d"]!.GetValue<double>()));
        Assert.True(config["threads"]!.GetValue<int>() >= 1);
        var state = GanSharp.Checkpoints.CheckpointFile.ReadState(GanSharp.Checkpoints.CheckpointStore.Resolve(run));
        Assert.Equal(3, state.Iteration);
        Assert.Equal(3 * 2 * 32, state.Data.Cursor);    // 3 iterations × k = 2 minibatches of 32 real images (the DCGAN's default m on 28×28 sets)
    }

    [Fact]
    public void Train_with_eval_every_and_no_cached_classifier_stops_before_training_and_says_how_to_get_one()
    {
        var bars = Evaluation.BarIdxFiles.Write(Path.Combine(_dir, "bars"), 60, 20);
        var run = Path.Combine(_dir, "run");
        var (code, text) = Gansharp("train", "--data", "mnist", "--data-dir", bars, "--batch-size", "16", "--eval-every", "10", "--cache-dir", Path.Combine(_dir, "cache"), "--out", run);
        Assert.Equal(1, code);
        Assert.Contains("gansharp eval train-classifier --data mnist", text);
        Assert.False(Directory.Exists(Path.Combine(run, "checkpoints")));
    }
}
