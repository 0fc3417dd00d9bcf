using System.Text.Json.Nodes;
using GanSharp.Evaluation;

namespace GanSharp.Tests.Evaluation;

public class EvaluationJsonTests
{
    private static readonly ClassifierRecord Record = new("bars", "net", 3, 480, 150, 0.97, "epochs=1", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private static EvaluationRow Row(string name, double fd, double? classKl = 0.1) => new(name, 100, fd, 0.5, 0.25, 0.75, 0.125, 2.5, 3, classKl, 0.01, 0.002, 0.8);

    [Fact]
    public void Eval_json_has_the_model_metrics_at_the_top_and_named_calibration_rows_with_the_same_keys()
    {
        var report = new EvaluationReport("bars", "features", Record, Row("model", 12.5),
            new[] { Row("real", 1), Row("noise", 400), Row("repeated", 300, double.PositiveInfinity) }, "ckpt");
        var json = EvaluationJson.ToJson(report);
        string[] keys = { "fd", "precision", "recall", "density", "coverage", "classifier_score", "classes_covered", "class_kl", "kid", "kid_std", "sharpness" };
        foreach (var key in keys) Assert.True(json.ContainsKey(key), key);
        Assert.Equal(12.5, json["fd"]!.GetValue<double>());
        Assert.Equal(3, json["classes_covered"]!.GetValue<int>());
        Assert.Equal(0.01, json["kid"]!.GetValue<double>());
        Assert.Equal(0.002, json["kid_std"]!.GetValue<double>());
        Assert.Equal(0.8, json["sharpness"]!.GetValue<double>());
        var calibration = json["calibration"]!.AsArray();
        Assert.Equal(new[] { "real", "noise", "repeated" }, calibration.Select(r => r!["name"]!.GetValue<string>()));
        foreach (var row in calibration)
            foreach (var key in keys) Assert.True(row!.AsObject().ContainsKey(key), key);
        Assert.Equal("Infinity", calibration[2]!["class_kl"]!.GetValue<string>());
        Assert.Equal(0.97, json["classifier"]!["test_accuracy"]!.GetValue<double>());
    }

    [Fact]
    public void Without_a_model_the_top_level_metrics_are_null_and_the_file_still_parses()
    {
        var report = new EvaluationReport("bars", "features", Record, null, new[] { Row("real", 1) }, null);
        var folder = Path.Combine(Path.GetTempPath(), "gansharp-evaljson-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = EvaluationJson.Write(report, folder);
            var parsed = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            Assert.True(parsed.ContainsKey("fd"));
            Assert.Null(parsed["fd"]);
            Assert.Single(parsed["calibration"]!.AsArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
