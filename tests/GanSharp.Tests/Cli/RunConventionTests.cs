using System.Text.Json.Nodes;
using GanSharp.Cli.Commands;
using GanSharp.Evaluation;
using GanSharp.Runs;
using GanSharp.Tests.Data;
using SkiaSharp;

namespace GanSharp.Tests.Cli;

public sealed class RunConventionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] Tiny = { "--data", "ring", "--iterations", "4", "--g-width", "8", "--d-width", "8", "--frames-every", "0", "--threads", "1" };

    [Fact]
    public void A_stopped_run_exits_130_after_writing_its_outputs_and_checkpoint()
    {
        var run = _dir.File("run");
        using var stop = new CancellationTokenSource();
        stop.Cancel();   // Ctrl-C before the first iteration

        var (code, output) = FaultSuiteFixture.Gansharp(new[] { "train" }.Concat(Tiny).Concat(new[] { "--out", run }).ToArray(), stop.Token);

        Assert.True(code == StopSignals.InterruptedExitCode, output);
        Assert.Contains("Stopped at iteration 0 of 4", output);
        Assert.True(JsonNode.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")))!["cancelled"]!.GetValue<bool>());
        Assert.True(File.Exists(Path.Combine(run, "checkpoints", "checkpoint-000000000.gsckpt")));
        Assert.Equal(0, FaultSuiteFixture.Gansharp(new[] { "train", "--resume", run }).ExitCode);
    }

    [Fact]
    public void A_run_folder_says_what_it_is_and_a_forced_run_of_another_kind_replaces_it_whole()
    {
        var run = _dir.File("run");
        Assert.Equal(0, FaultSuiteFixture.Gansharp(new[] { "train" }.Concat(Tiny).Concat(new[] { "--out", run }).ToArray()).ExitCode);
        var marker = JsonNode.Parse(File.ReadAllText(Path.Combine(run, RunFolder.MarkerFileName)))!;
        Assert.Equal(("gansharp-run", 1, "points"), (marker["format"]!.GetValue<string>(), marker["version"]!.GetValue<int>(), marker["kind"]!.GetValue<string>()));

        var pictures = _dir.File("pictures");
        for (int i = 0; i < 4; i++) TestPictures.Solid(Path.Combine(pictures, $"{i}.png"), 28, 28, new SKColor((byte)(60 * i), (byte)(60 * i), (byte)(60 * i)));
        var (code, output) = FaultSuiteFixture.Gansharp(new[] { "train", "--data", pictures, "--image-size", "28", "--channels", "1", "--features", "2", "--latent-dim", "4",
            "--batch-size", "2", "--epochs", "1", "--threads", "1", "--out", run, "--force" });

        Assert.True(code == 0, output);
        Assert.Equal("images", JsonNode.Parse(File.ReadAllText(Path.Combine(run, RunFolder.MarkerFileName)))!["kind"]!.GetValue<string>());
        // Nothing of the run on points is left beside the run on images.
        Assert.False(File.Exists(Path.Combine(run, "samples.csv")) || File.Exists(Path.Combine(run, "training.gif")) || Directory.Exists(Path.Combine(run, "frames")));
        Assert.Equal(0, FaultSuiteFixture.Gansharp(new[] { "train", "--resume", run, "--epochs", "2" }).ExitCode);
    }

    [Fact]
    public void A_run_written_before_run_folders_had_a_marker_still_resumes()
    {
        var run = _dir.File("run");
        Assert.Equal(0, FaultSuiteFixture.Gansharp(new[] { "train" }.Concat(Tiny).Concat(new[] { "--out", run }).ToArray()).ExitCode);
        File.Delete(Path.Combine(run, RunFolder.MarkerFileName));

        var (code, output) = FaultSuiteFixture.Gansharp(new[] { "train", "--resume", run, "--iterations", "6" });

        Assert.True(code == 0, output);
        Assert.Contains("Continuing from iteration 4", output);
    }

    [Fact]
    public void Colour_samples_of_another_size_are_scored_as_28_pixel_grayscale_with_resize()
    {
        var samples = _dir.File("samples");
        for (int i = 0; i < 3; i++) TestPictures.Solid(Path.Combine(samples, $"{i}.png"), 64, 64, new SKColor(200, 30, 30));

        var refused = Assert.Throws<ArgumentException>(() => EvaluationData.OpenSamples(samples, resize: false));
        var resized = EvaluationData.OpenSamples(samples, resize: true);

        Assert.Contains("--resize", refused.Message);
        using (resized.Dataset) Assert.Equal(new long[] { 3, 1, 28, 28 }, resized.Dataset.Images.shape);
    }
}
