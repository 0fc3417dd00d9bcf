using System.CommandLine;
using System.Text.Json.Nodes;
using GanSharp.Cli.Commands;
using GanSharp.Data;
using GanSharp.Runs;
using GanSharp.Tests.Data;
using GanSharp.Tests.Evaluation;
using SkiaSharp;
using Spectre.Console;
using static TorchSharp.torch;

namespace GanSharp.Tests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs <c>eval</c> in-process; returns its exit code and everything it printed.</summary>
    internal static (int ExitCode, string Output) Eval(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var root = new RootCommand { EvalCommand.Create(console) };
        int code = root.Parse(new[] { "eval" }.Concat(args).ToArray()).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
        return (code, writer.ToString());
    }

    /// <summary>Bar images as MNIST-format IDX files (train and t10k) in a folder.</summary>
    private string WriteBarIdx(int trainCount, int testCount) => BarIdxFiles.Write(_dir.File("bars-idx"), trainCount, testCount);

    [Fact]
    public void Eval_on_labelled_idx_data_trains_the_classifier_prints_the_table_and_writes_eval_json_with_calibration_rows()
    {
        var data = WriteBarIdx(360, 120);
        var output = _dir.File("out");
        var (code, text) = Eval("--data", "mnist", "--data-dir", data, "--n", "100", "--classifier-epochs", "1",
            "--cache-dir", _dir.File("cache"), "--out", output);
        Assert.True(code == 0, text);
        Assert.Contains("test accuracy", text);
        Assert.Contains("not Inception-v3", text);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "eval.json")))!.AsObject();
        var rows = json["calibration"]!.AsArray();
        Assert.Equal(new[] { "real", "noise", "repeated" }, rows.Select(r => r!["name"]!.GetValue<string>()));
        Assert.True(rows[0]!["fd"]!.GetValue<double>() < rows[1]!["fd"]!.GetValue<double>());
        Assert.Equal(3, rows[0]!["classes_covered"]!.GetValue<int>());

        var (again, secondText) = Eval("train-classifier", "--data", "mnist", "--data-dir", data, "--classifier-epochs", "1", "--cache-dir", _dir.File("cache"));
        Assert.True(again == 0, secondText);
        Assert.Contains("(cached)", secondText);
    }

    [Fact]
    public void A_shifted_classifier_is_cached_apart_from_the_plain_one_and_an_oversized_shift_is_refused_by_name()
    {
        var data = WriteBarIdx(240, 60);
        var cache = _dir.File("cache");
        var (plain, plainText) = Eval("train-classifier", "--data", "mnist", "--data-dir", data, "--classifier-epochs", "1", "--cache-dir", cache);
        Assert.True(plain == 0, plainText);
        var (shifted, shiftedText) = Eval("train-classifier", "--data", "mnist", "--data-dir", data, "--classifier-epochs", "1", "--classifier-shift", "2", "--cache-dir", cache);
        Assert.True(shifted == 0, shiftedText);
        Assert.Contains("trained in", shiftedText);                                // not the plain one from the cache
        Assert.Equal(2, Directory.GetFiles(cache, "*.bin", SearchOption.AllDirectories).Length);
        var record = Directory.GetFiles(cache, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText).Single(t => t.Contains("shift=2"));
        Assert.Contains("epochs=1", record);

        var (tooFar, tooFarText) = Eval("train-classifier", "--data", "mnist", "--data-dir", data, "--classifier-shift", "9", "--cache-dir", cache);
        Assert.NotEqual(0, tooFar);
        Assert.Contains("shift must be 0 … 7 pixels (got 9)", tooFarText);
    }

    [Fact]
    public void Eval_scores_a_folder_of_generated_pictures_as_the_model_row()
    {
        var data = WriteBarIdx(360, 120);
        var pictures = _dir.File("generated");
        var (bars, labels) = SyntheticImages.Make(300, seed: 53);
        using (bars)
        using (var pixels = bars.add(1).mul(127.5).round().clamp(0, 255).to_type(uint8))
        {
            int written = 0;
            for (int i = 0; i < labels.Length && written < 100; i++)
            {
                if (labels[i] != 1) continue;                                  // a generator stuck on the middle bar
                var image = pixels[i, 0].data<byte>().ToArray();
                TestPictures.Write(Path.Combine(pictures, $"{written++:D3}.png"), 28, 28, (x, y) => new SKColor(image[y * 28 + x], image[y * 28 + x], image[y * 28 + x]));
            }
        }
        var output = _dir.File("out");
        var (code, text) = Eval("--samples", pictures, "--data", "mnist", "--data-dir", data, "--n", "100", "--classifier-epochs", "1",
            "--cache-dir", _dir.File("cache"), "--out", output);
        Assert.True(code == 0, text);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "eval.json")))!.AsObject();
        Assert.Equal(1, json["classes_covered"]!.GetValue<int>());
        Assert.True(json["fd"]!.GetValue<double>() > json["calibration"]![0]!["fd"]!.GetValue<double>());
        Assert.True(json["recall"]!.GetValue<double>() < 0.6);
    }

    [Fact]
    public void Eval_of_a_run_folder_scores_its_latest_checkpoint_as_the_model_row()
    {
        var data = WriteBarIdx(360, 120);
        var runDir = _dir.File("run");
        var options = Runs.Settings.Of(ImageDatasets.MnistName, ("data_dir", data), ("latent_dim", 8), ("features", 4), ("epochs", 1), ("batch_size", 32),
            ("seed", 3), ("sample_every", 2), ("checkpoint_every", 2), ("sample_count", 4), ("iterations", 4));
        using (var run = GanRun.Start(options, runDir)) run.Run();

        var output = _dir.File("out");
        var (code, text) = Eval("--checkpoint", runDir, "--data", "mnist", "--data-dir", data, "--n", "100", "--classifier-epochs", "1",
            "--cache-dir", _dir.File("cache"), "--out", output);
        Assert.True(code == 0, text);
        Assert.Contains("iteration 4", text);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "eval.json")))!.AsObject();
        Assert.EndsWith("checkpoint-000000004.gsckpt", json["checkpoint"]!.GetValue<string>());
        Assert.Equal("own", json["weights"]!.GetValue<string>());   // the run kept no EMA
        Assert.Equal(100, json["n"]!.GetValue<int>());
        double fd = json["fd"]!.GetValue<double>();
        Assert.True(double.IsFinite(fd) && fd > json["calibration"]![0]!["fd"]!.GetValue<double>(), $"fd {fd}");   // 4 iterations: far from real
        Assert.Equal(new[] { "real", "noise", "repeated" }, json["calibration"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));

        // Without --data and --data-dir: the checkpoint's own data, from the folder it was trained from.
        var (again, _) = Eval("--checkpoint", runDir, "--n", "100", "--classifier-epochs", "1", "--cache-dir", _dir.File("cache"), "--out", _dir.File("again"));
        Assert.Equal(0, again);
        var second = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir.File("again"), "eval.json")))!;
        Assert.Equal(fd, second["fd"]!.GetValue<double>());                   // the same noise stream for the same seed
    }

    [Fact]
    public void Eval_refuses_a_checkpoint_together_with_a_samples_folder()
    {
        var (code, text) = Eval("--checkpoint", _dir.File("run"), "--samples", _dir.File("pictures"), "--data", "mnist", "--cache-dir", _dir.File("cache"));
        Assert.NotEqual(0, code);
        Assert.Contains("not both", text);
    }

    [Fact]
    public void Training_a_classifier_on_an_unlabelled_folder_explains_which_metrics_still_apply()
    {
        var folder = _dir.File("pictures");
        for (int i = 0; i < 12; i++) TestPictures.Solid(Path.Combine(folder, $"{i}.png"), 8, 8, new SKColor((byte)(i * 20), 0, 0));
        var (code, text) = Eval("train-classifier", "--data", folder, "--cache-dir", _dir.File("cache"));
        Assert.Equal(1, code);
        Assert.Contains("no class labels", text);
        Assert.Contains("label-free metrics", text);
    }
}
