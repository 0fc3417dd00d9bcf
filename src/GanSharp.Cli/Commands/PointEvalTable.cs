using GanSharp.Evaluation;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>Prints a <see cref="PointEvaluationReport"/>: the model's row above the calibration rows, and how P_G was estimated.</summary>
internal static class PointEvalTable
{
    public static void Write(IAnsiConsole console, PointEvaluationReport report)
    {
        var table = new Table().Title(Markup.Escape($"{report.Target}: each row's {report.Model.Samples} points vs the target"))
            .AddColumn("row").AddColumn("modes", c => c.RightAligned()).AddColumn("high-q", c => c.RightAligned())
            .AddColumn("rev KL", c => c.RightAligned()).AddColumn("KL(d‖G)", c => c.RightAligned())
            .AddColumn("KL(G‖d)", c => c.RightAligned()).AddColumn("JSD", c => c.RightAligned()).AddColumn("h", c => c.RightAligned());
        table.AddRow(Cells(report.Model, bold: true));
        foreach (var row in report.Calibration) table.AddRow(Cells(row, bold: false));
        console.Write(table);
        console.MarkupLine("[grey]modes = captured / total (a sample within 3σ); high-q = share within 3σ of a mode; rev KL = KL(mode histogram ‖ uniform); " +
            "KL(d‖G) = KL(P_data ‖ P_G), KL(G‖d) = KL(P_G ‖ P_data) and JSD in nats (JSD ≤ log 2 = 0.693); h = KDE bandwidth.[/]");
        console.MarkupLine("[grey]real = a fresh sample of P_data of the same size (the floor); collapsed = every point at one mode or at the data mean (the ceiling).[/]");
        foreach (var note in report.Notes) console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
    }

    private static string[] Cells(PointEvaluationRow row, bool bold) => new[]
    {
        bold ? $"[bold]{Markup.Escape(row.Name)}[/]" : Markup.Escape(row.Name),
        row.ModesCaptured is { } m ? $"{m}/{row.ModesTotal}" : "–",
        Format(row.HighQualityFraction, "F3"), Format(row.ReverseKl, "F3"), Format(row.KlDataModel, "F3"),
        Format(row.KlModelData, "F3"), Format(row.Jsd, "F3"), Format(row.KdeBandwidth, "G3"),
    };

    private static string Format(double? value, string format) => value switch
    {
        null => "–",
        double v when double.IsPositiveInfinity(v) => "∞",
        double v when Math.Abs(v) >= 1e4 => v.ToString("0.0e0", System.Globalization.CultureInfo.InvariantCulture),
        double v => v.ToString(format, System.Globalization.CultureInfo.InvariantCulture),
    };
}
