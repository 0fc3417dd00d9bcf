using System.Text.Json.Nodes;
using GanSharp.Gan;
using GanSharp.Objectives;
using GanSharp.Runs;

namespace GanSharp.Tests.Runs;

public class ObjectiveSettingsTests
{
    [Fact]
    public void Wgan_brings_the_clipping_critic_steps_and_rmsprop_of_arjovsky_et_al_and_on_images_their_learning_rate()
    {
        var points = Settings.Of("ring", ("objective", "wgan"));
        Assert.Equal((GanObjective.Wgan, 5, 0.01, OptimizerKind.RmsProp, OptimizerKind.RmsProp, 1e-3),
            (points.Objective, points.K, points.Clip!.Value, points.OptimizerD, points.OptimizerG, points.LrD));
        var images = Settings.Of("fashion-mnist", ("objective", "wgan"));
        Assert.Equal((5e-5, 5e-5, 0.01), (images.LrD, images.LrG, images.Clip!.Value));
        Assert.Null(images.GpLambda);
    }

    [Fact]
    public void Wgan_gp_brings_lambda_ten_five_critic_steps_and_adam_betas_zero_and_point_nine_and_a_given_setting_overrides_them()
    {
        var o = Settings.Of("fashion-mnist", ("objective", "wgan-gp"), ("k", 2));
        Assert.Equal((10.0, 2, 0.0, 0.9, 1e-4), (o.GpLambda!.Value, o.K, o.Beta1, o.Beta2, o.LrD));
        Assert.Null(o.Clip);
        var training = o.ToTrainingOptions(10);
        Assert.Equal((10.0, (double?)null), (training.GradientPenalty!.Value, training.WeightClip));
    }

    [Fact]
    public void The_other_objectives_keep_the_defaults_of_the_data()
    {
        var hinge = Settings.Of("ring", ("objective", "hinge"));
        var plain = Settings.Of("ring");
        Assert.Equal(plain with { Objective = GanObjective.Hinge }, hinge);
    }

    [Theory]
    [InlineData("clip", "hinge", "clip (--clip) applies to the wgan objective")]
    [InlineData("gp_lambda", "wgan", "gp_lambda (--gp-lambda) applies to the wgan-gp objective")]
    public void A_penalty_setting_of_another_objective_is_an_error_naming_it(string key, string objective, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => RunOptions.Resolve(new JsonObject { ["data"] = "ring", ["objective"] = objective, [key] = 1.0 }));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_pack_that_does_not_divide_the_batch_and_an_ema_decay_outside_zero_to_one_are_errors()
    {
        var e = Assert.Throws<ArgumentException>(() => Settings.Of("ring", ("pack", 3), ("batch_size", 256), ("ema", 1.5)));
        Assert.Contains("must be a multiple of pack 3", e.Message);
        Assert.Contains("EMA decay must be in (0, 1)", e.Message);
    }

    [Fact]
    public void The_remedies_survive_a_json_round_trip_and_reach_the_trainer()
    {
        var o = Settings.Of("grid", ("objective", "least-squares"), ("pack", 4), ("ema", 0.99), ("spectral_norm", true), ("r1", 0.5));
        var back = RunOptions.FromJson(o.ToJson(), "test");
        Assert.Equal(o, back);
        Assert.Contains("\"spectral_norm\": true", o.ToJson());
        var t = back.ToTrainingOptions(5);
        Assert.Equal((4, 0.99, 0.5, GanObjective.LeastSquares), (t.Pack, t.Ema!.Value, t.R1!.Value, t.Objective));
    }
}
