using System.Text.Json.Nodes;
using GanSharp.Data;
using GanSharp.Runs;
using GanSharp.Tests.Data;
using GanSharp.Tests.Runs;

namespace GanSharp.Tests.Cli;

public sealed class StackedEvalCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Eval_of_a_stacked_mnist_checkpoint_counts_modes_beside_real_stacks_and_writes_them_to_eval_json()
    {
        var digits = SyntheticDigits.WriteIdx(_dir.File("digits"), trainCount: 360, testCount: 120);
        var runDir = _dir.File("run");
        var options = Settings.Of(StackedMnist.Name, ("data_dir", digits), ("latent_dim", 8), ("features", 4), ("batch_size", 8),
            ("iterations", 2), ("sample_every", 2), ("threads", 1));
        using (var run = GanRun.Start(options, runDir)) run.Run();

        // No --data: the checkpoint's run says stacked-mnist, and where its digits are.
        var output = _dir.File("out");
        var (code, text) = EvalCommandTests.Eval("--checkpoint", runDir, "--n", "300", "--classifier-epochs", "1",
            "--cache-dir", _dir.File("cache"), "--out", output);
        Assert.True(code == 0, text);
        Assert.Contains("mode KL", text);
        Assert.Contains("held-out accuracy", text);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "eval.json")))!.AsObject();
        Assert.Equal((300, 1000), (json["n"]!.GetValue<int>(), json["mode_count"]!.GetValue<int>()));
        Assert.InRange(json["modes_captured"]!.GetValue<int>(), 1, 300);
        Assert.Equal(120, json["classifier"]!["test_count"]!.GetValue<int>());
        var real = json["calibration"]![0]!;
        Assert.Equal("real", real["name"]!.GetValue<string>());
        // 300 uniform draws of 1,000 modes: 1000 · (1 − e^−0.3) = 259 distinct expected.
        Assert.InRange(real["modes_captured"]!.GetValue<int>(), 235, 280);

        // The same checkpoint read by two classifiers (seeds 0 and 1), their probabilities averaged: the record says so.
        var ensembleOutput = _dir.File("out-ensemble");
        (code, text) = EvalCommandTests.Eval("--checkpoint", runDir, "--n", "300", "--classifier-epochs", "1", "--classifier-ensemble", "2",
            "--cache-dir", _dir.File("cache"), "--out", ensembleOutput);
        Assert.True(code == 0, text);
        Assert.Contains("2 classifiers (seeds 0…1)", text);
        var classifier = JsonNode.Parse(File.ReadAllText(Path.Combine(ensembleOutput, "eval.json")))!["classifier"]!;
        Assert.Contains("ensemble of seeds 0…1", classifier["training"]!.GetValue<string>());
        Assert.InRange(classifier["test_accuracy"]!.GetValue<double>(), 0, 1);
    }

    [Theory]
    [InlineData("fashion-mnist", "one feature classifier")]
    [InlineData("cartoon-faces", "one attribute classifier")]
    public void A_classifier_ensemble_is_refused_where_no_digits_are_read(string data, string reason)
    {
        var (code, text) = EvalCommandTests.Eval("--data", data, "--classifier-ensemble", "2", "--cache-dir", _dir.File("cache"), "--out", _dir.File("out"));
        Assert.NotEqual(0, code);
        Assert.Contains("--classifier-ensemble", text);
        Assert.Contains(reason, text);
        Assert.False(Directory.Exists(_dir.File("out")));
    }
}
