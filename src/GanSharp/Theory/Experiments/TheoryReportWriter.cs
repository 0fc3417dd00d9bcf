using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GanSharp.Theory.Experiments;

/// <summary>Writes theory results as a Markdown report and as JSON.</summary>
public static class TheoryReportWriter
{
    /// <summary>report.md: a summary table, then a section per claim (claim, what was run, tables, checks, figure, verdict).</summary>
    public static void WriteMarkdown(IReadOnlyList<TheoryResult> results, string path, bool quick, string? command)
    {
        var md = new StringBuilder();
        md.AppendLine("# GanSharp theory lab");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Each section turns one claim of GAN theory into a measurement. {(quick ? "Quick (small) versions." : "Full versions.")}");
        if (command is not null) md.AppendLine().AppendLine("Made by:").AppendLine().AppendLine("```").AppendLine(command).AppendLine("```");
        md.AppendLine();
        md.AppendLine("| # | claim | holds | time (s) |");
        md.AppendLine("|---|---|---|---|");
        foreach (var r in results)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Number} | [{Cell(r.Title)}](#{r.Number}-{Anchor(r.Title)}) | {HoldsText(r.Holds)} | {r.Seconds.ToString("F1", CultureInfo.InvariantCulture)} |");
        foreach (var r in results)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {r.Number}. {r.Title}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**Claim.** {r.Claim}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**What was run.** {r.WhatWasRun}");
            foreach (var table in r.Tables)
            {
                md.AppendLine();
                md.AppendLine("| " + string.Join(" | ", table.Columns.Select(Cell)) + " |");
                md.AppendLine("|" + string.Concat(table.Columns.Select(_ => "---|")));
                foreach (var row in table.Rows) md.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
            }
            if (r.Checks.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("| check | measured | expected | holds |");
                md.AppendLine("|---|---|---|---|");
                foreach (var c in r.Checks)
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(c.Description)} | {TheoryTable.Format(c.Measured)} | {c.Relation} | {HoldsText(c.Holds)} |");
            }
            foreach (var figure in r.Figures)
            {
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"![{r.Title}]({figure})");
            }
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**Verdict ({HoldsText(r.Holds)}).** {r.Verdict}");
        }
        Runtime.AtomicFile.WriteAllText(path, md.ToString());
    }

    /// <summary>theory.json: per experiment id, claim, measured, expected, tolerance, holds (null when skipped), the checks and figures.</summary>
    public static void WriteJson(IReadOnlyList<TheoryResult> results, string path, bool quick)
    {
        using var stream = new MemoryStream();
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteBoolean("quick", quick);
        json.WriteStartArray("experiments");
        foreach (var r in results)
        {
            json.WriteStartObject();
            json.WriteString("id", r.Id);
            json.WriteNumber("number", r.Number);
            json.WriteString("title", r.Title);
            json.WriteString("claim", r.Claim);
            WriteNumbers(json, "measured", r.Checks, c => c.Measured);
            WriteNumbers(json, "expected", r.Checks, c => c.Expected);
            WriteNumbers(json, "tolerance", r.Checks, c => c.Tolerance);
            if (r.Holds is bool holds) json.WriteBoolean("holds", holds);
            else json.WriteNull("holds");
            if (r.SkippedBecause is not null) json.WriteString("skipped_because", r.SkippedBecause);
            json.WriteStartArray("checks");
            foreach (var c in r.Checks)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Name);
                json.WriteString("description", c.Description);
                json.WriteString("comparison", c.Kind.ToString());
                WriteNumber(json, "measured", c.Measured);
                WriteNumber(json, "expected", c.Expected);
                WriteNumber(json, "tolerance", c.Tolerance);
                json.WriteBoolean("holds", c.Holds);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("verdict", r.Verdict);
            json.WriteStartArray("figures");
            foreach (var f in r.Figures) json.WriteStringValue(f);
            json.WriteEndArray();
            json.WriteNumber("seconds", Math.Round(r.Seconds, 2));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        Runtime.AtomicFile.Write(path, file => file.Write(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IReadOnlyList<TheoryCheck> checks, Func<TheoryCheck, double> value)
    {
        json.WriteStartObject(name);
        foreach (var c in checks) WriteNumber(json, c.Name, value(c));
        json.WriteEndObject();
    }

    /// <summary>JSON has no NaN or ∞: those are written as null.</summary>
    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    /// <summary>A table cell: a bar inside it would end the cell, so it is escaped.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|");

    private static string HoldsText(bool? holds) => holds switch { true => "holds", false => "does not hold", null => "not checked" };

    private static string Anchor(string title) =>
        new string(title.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : ch == ' ' || ch == '-' ? '-' : '\0').Where(ch => ch != '\0').ToArray());
}
