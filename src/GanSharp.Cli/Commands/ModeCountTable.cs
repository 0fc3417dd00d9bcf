using GanSharp.Evaluation;
using GanSharp.Metrics;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>Prints a <see cref="ModeCountReport"/>: the model's row above real data's, and how the modes were read.</summary>
internal static class ModeCountTable
{
    public static void Write(IAnsiConsole console, ModeCountReport report)
    {
        var rows = report.Calibration.Concat(report.Model is null ? [] : [report.Model]).ToArray();
        var attributes = rows.SelectMany(r => r.AttributeKl.Keys).Distinct().ToArray();
        bool unclear = rows.Any(r => r.UnclearShare is not null);
        var table = new Table().Title(Markup.Escape($"{report.Dataset}: modes of {report.ModeCount:N0} captured"))
            .AddColumn("row").AddColumn("n", c => c.RightAligned()).AddColumn("modes", c => c.RightAligned())
            .AddColumn("mode KL", c => c.RightAligned()).AddColumn("sharp", c => c.RightAligned());
        if (unclear) table.AddColumn("unclear", c => c.RightAligned());
        foreach (var attribute in attributes) table.AddColumn($"KL {attribute}", c => c.RightAligned());
        if (report.Model is { } model) table.AddRow(Cells(model, unclear, attributes, bold: true));
        foreach (var row in report.Calibration) table.AddRow(Cells(row, unclear, attributes, bold: false));
        console.Write(table);
        if (report.Model is { } shown)
            foreach (var (attribute, shares) in shown.AttributeShares)
                console.MarkupLine($"[grey]model {Markup.Escape(attribute)}: {Markup.Escape(string.Join(", ", shares.Select(s => $"{s.Key} {s.Value:P1}")))}[/]");
        console.MarkupLine($"[grey]Modes: {Markup.Escape(report.Protocol)}. sharp = Laplacian energy / the real images' (below 1: blurrier). " +
            "real = real images through the same classifier (the floor of the KL at this n)." +
            (unclear ? $" unclear = share of channel digits the classifier reads with top probability below {StackedModes.ClearProbability.ToString(System.Globalization.CultureInfo.InvariantCulture)}." : "") + "[/]");
        console.MarkupLine($"[grey]Mode classifier: {Markup.Escape(report.Classifier.Dataset)}, held-out accuracy {report.Classifier.TestAccuracy:P2} on {report.Classifier.TestCount:N0} images.[/]");
    }

    private static string[] Cells(ModeCountRow row, bool unclear, string[] attributes, bool bold)
    {
        string name = bold ? $"[bold]{Markup.Escape(row.Name)}[/]" : Markup.Escape(row.Name);
        var cells = new List<string> { name, $"{row.SampleCount:N0}", $"{row.ModesCaptured:N0}", $"{row.ModeKl:F3}", $"{row.Sharpness:F3}" };
        if (unclear) cells.Add(row.UnclearShare is { } share ? $"{share:P1}" : "–");
        cells.AddRange(attributes.Select(a => row.AttributeKl.TryGetValue(a, out var kl) ? $"{kl:F3}" : "–"));
        return cells.ToArray();
    }
}
