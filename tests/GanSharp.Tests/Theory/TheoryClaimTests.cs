using GanSharp.Theory.Experiments;

namespace GanSharp.Tests.Theory;

/// <summary>Claims 1–6 hold on the quick versions, with margins on seed 0; the report and the JSON say so.</summary>
public class TheoryClaimTests : IClassFixture<QuickTheoryRun>
{
    private readonly QuickTheoryRun _run;

    public TheoryClaimTests(QuickTheoryRun run) => _run = run;

    private void AssertHolds(int number)
    {
        var r = _run.Results[number];
        var failed = r.Checks.Where(c => !c.Holds).Select(c => $"{c.Name} = {c.Measured} (expected {c.Relation})");
        Assert.True(r.Holds == true, $"claim {number} failed: {string.Join("; ", failed)} | {r.Verdict}");
    }

    [Fact]
    public void Claim_1_mean_log_likelihood_minus_entropy_is_the_forward_kl_and_mle_covers_modes()
    {
        AssertHolds(1);
        Assert.True(_run.Measured(1, "max_abs_z_identity") < 3, "the identity should hold well inside four standard errors");
        Assert.True(_run.Measured(1, "forward_kl_gap_mass") > 0.3);
        Assert.True(_run.Measured(1, "reverse_kl_gap_mass") < 0.005);
    }

    [Fact]
    public void Claim_2_trained_d_matches_the_optimal_discriminator()
    {
        AssertHolds(2);
        Assert.True(_run.Measured(2, "mean_abs_error_shifted") < 0.015);
        Assert.True(Math.Abs(_run.Measured(2, "value_equal") + 2 * Math.Log(2)) < 0.005);
    }

    [Fact]
    public void Claim_3_trained_d_gives_a_jsd_lower_bound_within_three_hundredths_of_a_nat_when_well_specified()
    {
        AssertHolds(3);
        Assert.True(_run.Measured(3, "best_well_specified_gap_nats") < 0.015);
        Assert.True(_run.Measured(3, "max_excess_in_se") < 2.5);
    }

    [Fact]
    public void Claim_4_minimax_gradient_vanishes_while_non_saturating_gradient_stays()
    {
        AssertHolds(4);
        Assert.True(_run.Measured(4, "final_gradient_ratio") > 1000);
    }

    [Fact]
    public void Claim_5_non_saturating_gradient_is_that_of_reverse_kl_minus_twice_jsd()
    {
        AssertHolds(5);
        Assert.True(_run.Measured(5, "max_rel_error_reverse_kl") < 1e-6);
        Assert.True(_run.Measured(5, "min_rel_error_forward_kl") > 0.3);
    }

    [Fact]
    public void Claim_6_disjoint_supports_give_log_2_and_no_gradient()
    {
        AssertHolds(6);
        Assert.True(_run.Measured(6, "trained_gradient_ratio") < 0.05);
    }

    [Fact]
    public void Report_and_json_hold_a_section_a_figure_and_the_verdict_for_every_experiment_run()
    {
        var report = File.ReadAllText(Path.Combine(_run.Folder, "report.md"));
        var experiments = _run.Json.RootElement.GetProperty("experiments").EnumerateArray().ToArray();
        Assert.Equal(6, experiments.Length);
        foreach (var e in experiments)
        {
            Assert.True(e.GetProperty("holds").GetBoolean());
            Assert.NotEmpty(e.GetProperty("measured").EnumerateObject());
            foreach (var figure in e.GetProperty("figures").EnumerateArray())
                Assert.True(new FileInfo(Path.Combine(_run.Folder, figure.GetString()!)).Length > 1000);
            Assert.Contains($"## {e.GetProperty("number").GetInt32()}. ", report);
        }
    }

    [Fact]
    public void Experiment_12_without_image_data_is_skipped_with_a_reason_and_no_verdict()
    {
        var missing = Path.Combine(_run.Folder, "no-fashion-mnist-here");
        var r = new DiscriminatorFeaturesExperiment(missing).Run(new TheoryContext(true, _run.Folder));
        Assert.Null(r.Holds);
        Assert.Contains("Needs Fashion-MNIST", r.SkippedBecause);
        Assert.Contains(missing, r.SkippedBecause);
    }

    [Fact]
    public void Unknown_experiment_names_are_rejected_with_the_known_ones_listed()
    {
        var e = Assert.Throws<ArgumentException>(() => TheoryRunner.Select("99"));
        Assert.Contains("jsd-bound", e.Message);
        Assert.Equal(new[] { 3, 5 }, TheoryRunner.Select("ns-objective, 3").Select(x => x.Number));
    }
}
