using System.Text.Json.Nodes;

namespace GanSharp.Evaluation;

/// <summary>
/// Writes a <see cref="ModeCountReport"/> as <c>eval.json</c>: the model's <c>modes_captured</c> (of <c>mode_count</c>), <c>mode_kl</c>,
/// <c>sharpness</c>, <c>unclear_share</c> (Stacked MNIST: share of channel digits read with top probability below 0.9), <c>attribute_kl</c> and <c>attribute_shares</c> (per attribute, value name → share of the samples) at the top level (null without a model), the mode classifier's record under <c>classifier</c>,
/// and <c>calibration</c>, an array of rows with the same keys plus <c>name</c>.
/// </summary>
public static class ModeCountJson
{
    /// <summary>The report as a JSON object.</summary>
    public static JsonObject ToJson(ModeCountReport report)
    {
        var root = new JsonObject
        {
            ["dataset"] = report.Dataset,
            ["checkpoint"] = report.Checkpoint,
            ["weights"] = report.Weights,
            ["protocol"] = report.Protocol,
            ["mode_count"] = report.ModeCount,
            ["classifier"] = EvaluationJson.Classifier(report.Classifier),
            ["n"] = report.Model?.SampleCount,
        };
        AddMetrics(root, report.Model);
        root["calibration"] = EvaluationJson.Rows(report.Calibration, row => (row.Name, row.SampleCount), AddMetrics);
        return root;
    }

    /// <summary>Writes <c>eval.json</c> into <paramref name="directory"/> (created if needed); returns its path.</summary>
    public static string Write(ModeCountReport report, string directory) => EvaluationJson.WriteFile(ToJson(report), directory);

    private static void AddMetrics(JsonObject target, ModeCountRow? row)
    {
        target["modes_captured"] = row?.ModesCaptured;
        target["mode_kl"] = EvaluationJson.Number(row?.ModeKl);
        target["sharpness"] = EvaluationJson.Number(row?.Sharpness);
        target["unclear_share"] = EvaluationJson.Number(row?.UnclearShare);
        if (row is null || row.AttributeKl.Count == 0)
        {
            target["attribute_kl"] = null;
            target["attribute_shares"] = null;
            return;
        }
        var attributes = new JsonObject();
        foreach (var (name, kl) in row.AttributeKl) attributes[name] = EvaluationJson.Number(kl);
        target["attribute_kl"] = attributes;
        var shares = new JsonObject();
        foreach (var (name, values) in row.AttributeShares)
        {
            var byValue = new JsonObject();
            foreach (var (value, share) in values) byValue[value] = EvaluationJson.Number(share);
            shares[name] = byValue;
        }
        target["attribute_shares"] = shares;
    }
}
