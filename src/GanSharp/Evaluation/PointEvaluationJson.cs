using System.Text.Json.Nodes;

namespace GanSharp.Evaluation;

/// <summary>
/// Writes a <see cref="PointEvaluationReport"/> as <c>eval.json</c>: the model's metrics at the top level
/// (<c>modes_captured</c>, <c>modes_total</c>, <c>high_quality_fraction</c>, <c>reverse_kl</c>, <c>kl_data_model</c>,
/// <c>kl_model_data</c>, <c>jsd</c>, <c>kde_bandwidth</c>, <c>samples</c>; null where not applicable), <c>p_g</c> saying
/// how P_G was estimated, <c>notes</c>, and <c>calibration</c>, an array of rows with the same keys plus <c>name</c>.
/// </summary>
public static class PointEvaluationJson
{
    /// <summary>The report as a JSON object.</summary>
    public static JsonObject ToJson(PointEvaluationReport report)
    {
        var root = new JsonObject
        {
            ["target"] = report.Target,
            ["source"] = report.Source,
            ["p_g"] = report.DivergenceDraws is null ? null : "Gaussian kernel density estimate of the points; bandwidth kde_bandwidth by leave-one-out likelihood",
            ["divergence_draws"] = report.DivergenceDraws,
        };
        AddMetrics(root, report.Model);
        root["notes"] = new JsonArray(report.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
        var calibration = new JsonArray();
        foreach (var row in report.Calibration)
        {
            var item = new JsonObject { ["name"] = row.Name };
            AddMetrics(item, row);
            calibration.Add(item);
        }
        root["calibration"] = calibration;
        return root;
    }

    /// <summary>Writes <c>eval.json</c> into <paramref name="directory"/> (created if needed); returns its path.</summary>
    public static string Write(PointEvaluationReport report, string directory) => EvaluationJson.WriteFile(ToJson(report), directory);

    private static void AddMetrics(JsonObject target, PointEvaluationRow row)
    {
        target["modes_captured"] = row.ModesCaptured;
        target["modes_total"] = row.ModesTotal;
        target["high_quality_fraction"] = EvaluationJson.Number(row.HighQualityFraction);
        target["reverse_kl"] = EvaluationJson.Number(row.ReverseKl);
        target["kl_data_model"] = EvaluationJson.Number(row.KlDataModel);
        target["kl_model_data"] = EvaluationJson.Number(row.KlModelData);
        target["jsd"] = EvaluationJson.Number(row.Jsd);
        target["kde_bandwidth"] = EvaluationJson.Number(row.KdeBandwidth);
        target["samples"] = row.Samples;
    }
}
