using System.Text.Json.Nodes;
using GanSharp.Distributions;
using GanSharp.Evaluation;
using GanSharp.Tests.Cli;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

public sealed class PointEvaluationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ITestOutputHelper _output;

    public PointEvaluationTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _dir.Dispose();

    private PointEvaluationReport Score(ITargetDistribution target, Tensor points)
    {
        var report = PointEvaluation.Run(target, points, seed: 1, divergenceDraws: 4000);
        foreach (var row in report.Calibration.Prepend(report.Model)) _output.WriteLine(row.ToString());
        return report;
    }

    [Fact]
    public void Points_drawn_from_the_ring_capture_every_mode_and_have_a_jsd_near_zero_while_one_collapsed_mode_scores_the_derived_ceiling()
    {
        var ring = TargetDistributions.Ring();
        using var random = new RandomStream(3);
        using var points = ring.Sample(1000, random);
        var report = Score(ring, points);

        Assert.Equal(8, report.Model.ModesCaptured);
        Assert.InRange(report.Model.Jsd!.Value, -0.02, 0.05);
        Assert.InRange(report.Model.KlDataModel!.Value, -0.05, 0.2);
        Assert.True(report.Model.KdeBandwidth < ring.ModeStddev * 2, $"h = {report.Model.KdeBandwidth}");
        var real = report.Calibration.Single(r => r.Name == "real");
        Assert.InRange(real.Jsd!.Value, -0.02, 0.05);

        // All mass on one of 8 modes: on that mode p = q/8, elsewhere q = 0, so with m = (p + q)/2
        // JSD = ½[⅞ log 2 + ⅛ log(2/9)] + ½ log(16/9) = 0.4969 nats — well below log 2, since the modes overlap in one place.
        double ceiling = 0.5 * (7.0 / 8 * Math.Log(2) + 1.0 / 8 * Math.Log(2.0 / 9)) + 0.5 * Math.Log(16.0 / 9);
        var collapsed = report.Calibration.Single(r => r.Name == "collapsed");
        Assert.Equal(1, collapsed.ModesCaptured);
        Assert.InRange(collapsed.Jsd!.Value, ceiling - 0.03, ceiling + 0.03);
    }

    [Fact]
    public void Kl_of_a_gaussian_target_to_samples_of_a_shifted_gaussian_is_near_the_closed_form()
    {
        // KL(N(1, 0.5²) ‖ N(1.5, 0.5²)) = Δμ²/(2σ²) = 0.25/0.5 = 0.5 nats, both ways. The points are standardised to exactly
        // that mean and deviation, so what is left is the KDE widening P_G to variance σ² + h² (h ≈ 0.08 lowers
        // KL(P_data‖P_G) by about 0.013) and the Monte Carlo error (about 0.016 with 4,000 draws): tolerance 0.05.
        var target = TargetDistributions.Gaussian1D(1.0, 0.5);
        using var random = new RandomStream(4);
        using var raw = randn(1000, 1, generator: random);
        using var points = (raw - raw.mean()) / raw.std() * 0.5 + 1.5;
        var report = Score(target, points);

        Assert.Null(report.Model.ModesCaptured);
        Assert.InRange(report.Model.KlDataModel!.Value, 0.45, 0.55);
        Assert.InRange(report.Model.KlModelData!.Value, 0.45, 0.55);
        Assert.InRange(report.Calibration.Single(r => r.Name == "real").KlDataModel!.Value, -0.02, 0.04);
    }

    [Fact]
    public void A_user_point_file_target_gets_no_divergences_and_a_note_saying_why()
    {
        var cloud = new PointCloud("mine.csv", new[] { new[] { 0f, 0f }, new[] { 1f, 1f }, new[] { 2f, 0f } });
        using var points = tensor(new[] { 0f, 0f, 1f, 1f }, new long[] { 2, 2 });
        var report = PointEvaluation.Run(cloud, points);
        Assert.Null(report.Model.Jsd);
        Assert.Null(report.Model.ModesCaptured);
        Assert.Null(report.DivergenceDraws);
        Assert.Contains(report.Notes, n => n.Contains("no known density"));
    }

    [Fact]
    public void Eval_of_a_point_file_prints_the_table_and_writes_eval_json_with_the_kde_bandwidth_and_calibration_rows()
    {
        using var random = new RandomStream(5);
        using var points = TargetDistributions.Mixture1D().Sample(500, random);
        var file = _dir.File("points.csv");
        File.WriteAllLines(file, points.data<float>().ToArray().Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var (code, text) = EvalCommandTests.Eval("--points", file, "--data", "mixture1d", "--out", _dir.File("out"));
        Assert.True(code == 0, text);
        Assert.Contains("kernel density estimate", text);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir.File("out"), "eval.json")))!.AsObject();
        Assert.Equal(2, json["modes_captured"]!.GetValue<int>());
        Assert.True(json["kde_bandwidth"]!.GetValue<double>() > 0);
        Assert.Equal(500, json["samples"]!.GetValue<int>());
        Assert.Equal(new[] { "real", "collapsed" }, json["calibration"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Eval_of_a_run_folder_reads_its_target_from_config_json_and_writes_eval_json_into_the_folder()
    {
        var run = _dir.File("run");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "config.json"), Runs.Settings.Of("mixture1d").ToJson());
        File.WriteAllLines(Path.Combine(run, "samples.csv"), new[] { "x" }.Concat(Enumerable.Range(0, 200).Select(i => $"{2 + 0.003 * (i - 100)}")));
        var (code, text) = EvalCommandTests.Eval("--run", run);
        Assert.True(code == 0, text);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "eval.json")))!.AsObject();
        Assert.Equal("mixture1d", json["target"]!.GetValue<string>());
        Assert.Equal(1, json["modes_captured"]!.GetValue<int>());           // every point near +2: one of the two modes
        Assert.InRange(json["jsd"]!.GetValue<double>(), 0.2, Math.Log(2));
    }

    [Fact]
    public void Eval_of_a_folder_without_samples_csv_exits_with_1_and_says_it_is_not_a_finished_toy_run()
    {
        var run = _dir.File("half");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "config.json"), Runs.Settings.Of("ring").ToJson());
        var (code, text) = EvalCommandTests.Eval("--run", run);
        Assert.Equal(1, code);
        Assert.Contains("no samples.csv", text);
    }

    [Fact]
    public void Eval_of_a_missing_run_folder_exits_with_1_and_names_the_folder()
    {
        var (code, text) = EvalCommandTests.Eval("--run", _dir.File("nowhere"));
        Assert.Equal(1, code);
        Assert.Contains("Run folder", text);
        Assert.Contains("nowhere", text);
    }

    [Fact]
    public void Eval_of_points_against_an_unknown_target_exits_with_1_and_names_the_target()
    {
        var file = _dir.File("points.csv");
        File.WriteAllLines(file, new[] { "0,0", "1,1" });
        var (code, text) = EvalCommandTests.Eval("--points", file, "--data", "spiral");
        Assert.Equal(1, code);
        Assert.Contains("spiral", text);
    }
}
