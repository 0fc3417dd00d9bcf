using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Objectives;

namespace GanSharp.Tests.Runs;

public class TargetDefaultsTests
{
    [Fact]
    public void The_grid_trains_the_non_saturating_game_with_r1_square_noise_and_a_decaying_rate_by_default_and_the_ring_keeps_the_point_defaults()
    {
        var grid = Settings.Of("grid");
        Assert.Equal((GanObjective.NonSaturating, 1.0, 1, NoisePrior.Uniform, LearningRateSchedule.Linear, 25_000, 500),
            (grid.Objective, grid.R1!.Value, grid.Pack, grid.Prior, grid.LrSchedule, grid.Iterations!.Value, grid.FramesEvery!.Value));
        var ring = Settings.Of("ring");
        Assert.Equal((GanObjective.NonSaturating, (double?)null, 1, NoisePrior.Normal, LearningRateSchedule.Constant, 3_000),
            (ring.Objective, ring.R1, ring.Pack, ring.Prior, ring.LrSchedule, ring.Iterations!.Value));
    }

    [Fact]
    public void A_given_setting_overrides_the_grid_defaults_and_the_rest_stay()
    {
        var grid = Settings.Of("grid", ("objective", "hinge"), ("r1", 0.0), ("iterations", 100));
        Assert.Equal((GanObjective.Hinge, 0.0, 100, NoisePrior.Uniform, LearningRateSchedule.Linear),
            (grid.Objective, grid.R1!.Value, grid.Iterations!.Value, grid.Prior, grid.LrSchedule));
    }
}
