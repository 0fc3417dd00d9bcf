using GanSharp.Theory.Experiments;

namespace GanSharp.Tests.Theory;

/// <summary>Claims 13 and 14 hold on the quick versions, with margins on seed 0.</summary>
public class ObjectiveTheoryClaimTests : IClassFixture<QuickObjectiveTheoryRun>
{
    private readonly QuickObjectiveTheoryRun _run;

    public ObjectiveTheoryClaimTests(QuickObjectiveTheoryRun run) => _run = run;

    /// <summary>The checks that failed, and the verdict (which names the exception when the experiment stopped).</summary>
    private static string Failed(TheoryResult r) => string.Join("; ", r.Checks.Where(c => !c.Holds).Select(c => $"{c.Name} = {c.Measured}")) + " | " + r.Verdict;

    [Fact]
    public void Claim_13_each_f_gan_discriminator_bounds_its_divergence_from_below_within_ten_percent_and_approaches_f_prime()
    {
        var r = _run.Results[13];
        Assert.True(r.Holds == true, Failed(r));
        Assert.True(_run.Measured(13, "max_excess_in_se") < 2, "no bound should exceed its divergence by two standard errors");
        Assert.True(_run.Measured(13, "max_relative_gap") < FDivergenceExperiment.RelativeTolerance);
        Assert.True(_run.Measured(13, "max_pointwise_error") < FDivergenceExperiment.PointwiseTolerance);
    }

    [Fact]
    public void Claim_14_the_jsd_is_flat_on_disjoint_supports_while_the_critic_tracks_w1_and_keeps_the_generator_gradient()
    {
        var r = _run.Results[14];
        Assert.True(r.Holds == true, Failed(r));
        Assert.True(_run.Measured(14, "jsd_estimate_spread") < 0.01);
        Assert.True(_run.Measured(14, "max_relative_w1_error") < 0.05);
        Assert.True(_run.Measured(14, "min_generator_gradient") > 0.9);
    }
}
