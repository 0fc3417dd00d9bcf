using GanSharp.Evaluation;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>Prints an <see cref="EvaluationReport"/>: the model's row above the calibration rows, and the feature space in words.</summary>
internal static class EvalReportTable
{
    public static void Write(IAnsiConsole console, EvaluationReport report)
    {
        int n = report.Model?.SampleCount ?? report.Calibration.Max(r => r.SampleCount);
        var table = new Table().Title(Markup.Escape($"{report.Dataset}: each row's samples (n = {n}) vs {n} real training images"))
            .AddColumn("row").AddColumn("FD", c => c.RightAligned()).AddColumn("KID ± std", c => c.RightAligned())
            .AddColumn("prec", c => c.RightAligned()).AddColumn("rec", c => c.RightAligned())
            .AddColumn("dens", c => c.RightAligned()).AddColumn("cov", c => c.RightAligned())
            .AddColumn("CS", c => c.RightAligned()).AddColumn("cls", c => c.RightAligned()).AddColumn("KL", c => c.RightAligned())
            .AddColumn("sharp", c => c.RightAligned());
        if (report.Model is { } model) table.AddRow(Cells(model, bold: true));
        foreach (var row in report.Calibration) table.AddRow(Cells(row, bold: false));
        console.Write(table);
        console.MarkupLine("[grey]FD = Fréchet distance (lower is better); prec/rec = precision/recall (k = 3); dens/cov = density/coverage (k = 5); " +
            "CS = classifier score; cls = classes covered; KL = KL(predicted classes ‖ real classes), nats; " +
            "KID = unbiased kernel distance ± its spread over subsets (0 for real data at any n); sharp = Laplacian energy / the real images' (below 1: blurrier).[/]");
        console.MarkupLine("[grey]real = held-out real images (the floor); noise = clamped N(0, 1) pixels; repeated = one training image N times (the ceilings).[/]");
        console.MarkupLine($"[grey]Features: {Markup.Escape(report.FeatureSpace)}[/]");
    }

    private static string[] Cells(EvaluationRow row, bool bold)
    {
        string name = bold ? $"[bold]{Markup.Escape(row.Name)}[/]" : Markup.Escape(row.Name);
        return new[]
        {
            name, $"{row.Fd:F2}", $"{row.Kid:G3}±{row.KidStd:G2}", $"{row.Precision:F3}", $"{row.Recall:F3}", $"{row.Density:F3}", $"{row.Coverage:F3}",
            row.ClassifierScore is { } s ? $"{s:F2}" : "–",
            row.ClassesCovered is { } c ? $"{c}" : "–",
            row.ClassKl is { } kl ? (double.IsInfinity(kl) ? "∞" : $"{kl:F3}") : "–",
            $"{row.Sharpness:F3}",
        };
    }
}
