using System.Text.Json;
using GanSharp.Theory.Experiments;

namespace GanSharp.Tests.Theory;

public class TheoryReportWriterTests
{
    private static TheoryResult Ran(params TheoryCheck[] checks) =>
        new("demo", 1, "Demo of W₁ = |θ|", "A claim.", "Something.", new[] { new TheoryTable("a", "b").Add(1.23456789, "x|y") }, checks, "Fine.", new[] { "figures/demo.png" });

    [Fact]
    public void Checks_compare_near_at_most_and_at_least_as_their_names_say()
    {
        Assert.True(new TheoryCheck("a", "", 1.05, 1, 0.1).Holds);
        Assert.False(new TheoryCheck("a", "", 1.2, 1, 0.1).Holds);
        Assert.True(new TheoryCheck("b", "", -5, 0, 0.1, CheckKind.AtMost).Holds);
        Assert.False(new TheoryCheck("b", "", 0.2, 0, 0.1, CheckKind.AtMost).Holds);
        Assert.True(new TheoryCheck("c", "", 5, 1, 0, CheckKind.AtLeast).Holds);
        Assert.False(new TheoryCheck("c", "", 0.5, 1, 0.4, CheckKind.AtLeast).Holds);
    }

    [Fact]
    public void Json_has_measured_expected_tolerance_and_holds_per_experiment_with_null_for_a_skipped_one()
    {
        var folder = Directory.CreateTempSubdirectory("gansharp-theory-json").FullName;
        try
        {
            var skipped = new TheoryResult("skip", 12, "Skipped", "Claim.", "Not run.", Array.Empty<TheoryTable>(), Array.Empty<TheoryCheck>(), "Needs images.", Array.Empty<string>(), "Needs images.");
            var results = new[] { Ran(new TheoryCheck("gap", "gap", 0.01, 0, 0.03), new TheoryCheck("z", "z", 4, 0, 3, CheckKind.AtMost)), skipped };
            var path = Path.Combine(folder, "theory.json");
            TheoryReportWriter.WriteJson(results, path, quick: true);
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var experiments = json.RootElement.GetProperty("experiments");
            var first = experiments[0];
            Assert.Equal("demo", first.GetProperty("id").GetString());
            Assert.Equal(0.01, first.GetProperty("measured").GetProperty("gap").GetDouble());
            Assert.Equal(3, first.GetProperty("tolerance").GetProperty("z").GetDouble());
            Assert.False(first.GetProperty("holds").GetBoolean());
            Assert.Equal(JsonValueKind.Null, experiments[1].GetProperty("holds").ValueKind);
            Assert.Equal("Needs images.", experiments[1].GetProperty("skipped_because").GetString());

            var report = Path.Combine(folder, "report.md");
            TheoryReportWriter.WriteMarkdown(results, report, quick: true, "gansharp theory --quick --out x");
            var md = File.ReadAllText(report);
            Assert.Contains("| 1.2346 | x\\|y |", md);
            Assert.Contains("![Demo of W₁ = |θ|](figures/demo.png)", md);
            Assert.Contains("| 1 | [Demo of W₁ = \\|θ\\|](#1-", md);     // a | in a title would end the summary table's cell
            Assert.Contains("**Verdict (does not hold).**", md);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
