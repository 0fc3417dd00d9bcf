using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanSharp.Evaluation;

/// <summary>
/// Writes an <see cref="EvaluationReport"/> as <c>eval.json</c>: the model's metrics at the top level
/// (<c>fd</c>, <c>precision</c>, <c>recall</c>, <c>density</c>, <c>coverage</c>, <c>classifier_score</c>,
/// <c>classes_covered</c>, <c>class_kl</c>, <c>kid</c>, <c>kid_std</c>, <c>sharpness</c>; null without a model), and <c>calibration</c>, an array of rows with the
/// same keys plus <c>name</c>. A metric that does not apply is null; an infinite KL is the string "Infinity".
/// </summary>
public static class EvaluationJson
{
    /// <summary>File name inside the output folder.</summary>
    public const string FileName = "eval.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The report as a JSON object.</summary>
    public static JsonObject ToJson(EvaluationReport report)
    {
        var root = new JsonObject
        {
            ["dataset"] = report.Dataset,
            ["checkpoint"] = report.Checkpoint,
            ["weights"] = report.Weights,
            ["feature_space"] = report.FeatureSpace,
            ["classifier"] = Classifier(report.Classifier),
            ["n"] = report.Model?.SampleCount,
        };
        AddMetrics(root, report.Model);
        root["calibration"] = Rows(report.Calibration, row => (row.Name, row.SampleCount), AddMetrics);
        return root;
    }

    /// <summary>The <c>calibration</c> array: per row its <c>name</c>, <c>n</c> and the metrics <paramref name="addMetrics"/> writes.</summary>
    internal static JsonArray Rows<TRow>(IEnumerable<TRow> rows, Func<TRow, (string Name, int Count)> describe, Action<JsonObject, TRow> addMetrics)
    {
        var array = new JsonArray();
        foreach (var row in rows)
        {
            var (name, count) = describe(row);
            var item = new JsonObject { ["name"] = name, ["n"] = count };
            addMetrics(item, row);
            array.Add(item);
        }
        return array;
    }

    /// <summary>A classifier's record as the <c>classifier</c> object of eval.json.</summary>
    internal static JsonObject Classifier(ClassifierRecord record) => new()
    {
        ["dataset"] = record.Dataset,
        ["architecture"] = record.Architecture,
        ["test_accuracy"] = record.TestAccuracy,
        ["train_count"] = record.TrainCount,
        ["test_count"] = record.TestCount,
        ["training"] = record.Training,
    };

    /// <summary>Writes <c>eval.json</c> into <paramref name="directory"/> (created if needed); returns its path.</summary>
    public static string Write(EvaluationReport report, string directory) => WriteFile(ToJson(report), directory);

    /// <summary>Writes <paramref name="json"/>, indented, as <c>eval.json</c> into <paramref name="directory"/> (created if needed); returns its path.</summary>
    internal static string WriteFile(JsonObject json, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        Runtime.AtomicFile.WriteAllText(path, json.ToJsonString(Indented));
        return path;
    }

    private static void AddMetrics(JsonObject target, EvaluationRow? row)
    {
        target["fd"] = Number(row?.Fd);
        target["precision"] = Number(row?.Precision);
        target["recall"] = Number(row?.Recall);
        target["density"] = Number(row?.Density);
        target["coverage"] = Number(row?.Coverage);
        target["classifier_score"] = Number(row?.ClassifierScore);
        target["classes_covered"] = row?.ClassesCovered;
        target["class_kl"] = Number(row?.ClassKl);
        target["kid"] = Number(row?.Kid);
        target["kid_std"] = Number(row?.KidStd);
        target["sharpness"] = Number(row?.Sharpness);
    }

    /// <summary>A finite number as itself; ±∞ and NaN as the strings "Infinity", "-Infinity", "NaN"; null as null.</summary>
    internal static JsonNode? Number(double? value) => value switch
    {
        null => null,
        double v when double.IsFinite(v) => JsonValue.Create(v),
        double v => JsonValue.Create(v > 0 ? "Infinity" : double.IsNaN(v) ? "NaN" : "-Infinity"),
    };
}
