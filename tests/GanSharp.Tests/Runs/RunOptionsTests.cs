using System.Text.Json.Nodes;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Objectives;
using GanSharp.Runs;

namespace GanSharp.Tests.Runs;

public class RunOptionsTests
{
    [Fact]
    public void A_configuration_survives_a_json_round_trip()
    {
        var options = Settings.Of("grid", ("objective", "minimax"), ("k", 2), ("batch_size", 64), ("iterations", 77), ("prior", "uniform"), ("latent_dim", 5),
            ("optimizer_d", "sgd"), ("lr_d", 0.01), ("lr_g", 2e-4), ("beta1", 0.1), ("beta2", 0.9), ("momentum", 0.5), ("g_layers", 2), ("g_width", 32),
            ("d_layers", 4), ("d_width", 16), ("activation", "leaky-relu"), ("seed", 9), ("frames_every", 0), ("replay_fraction", 0.25));
        Assert.Equal(options.ToJson(), RunOptions.FromJson(options.ToJson(), "config.json").ToJson());
        Assert.Equal(OptimizerKind.Sgd, options.OptimizerD);
        Assert.Equal(Activation.LeakyReLU, options.Activation);
        Assert.Equal(RunOptions.DefaultReplayCapacity, options.ReplayCapacity);
    }

    [Fact]
    public void The_json_uses_snake_case_keys_the_command_line_spelling_of_names_and_leaves_out_what_does_not_apply()
    {
        var json = Settings.Of("ring", ("activation", "leaky-relu")).ToJson();
        Assert.Contains("\"batch_size\": 256", json);
        Assert.Contains("\"lr_d\": 0.001", json);
        Assert.Contains("\"objective\": \"non-saturating\"", json);
        Assert.Contains("\"activation\": \"leaky-relu\"", json);
        Assert.Contains("\"frames_every\": 100", json);
        Assert.DoesNotContain("epochs", json);
        Assert.DoesNotContain("features", json);
    }

    [Fact]
    public void Image_data_takes_the_defaults_of_radford_et_al_with_smaller_steps_on_28_pixel_sets_and_points_the_measured_ring_settings()
    {
        var images = Settings.Of("fashion-mnist");
        Assert.Equal((ModelKind.Dcgan, 100, 3e-4, 3e-4, 0.5, 32, 1, 32, 28, 1), (images.Model, images.LatentDim, images.LrD, images.LrG, images.Beta1, images.BatchSize, images.K, images.Features!.Value, images.ImageSize!.Value, images.Channels!.Value));
        Assert.Equal(5, images.Epochs);
        Assert.Equal((32, 32), (Settings.Of("mnist").Features, Settings.Of("mnist").BatchSize));
        Assert.Equal((64, 128, 2e-4), (Settings.Of("stacked-mnist").Features, Settings.Of("stacked-mnist").BatchSize, Settings.Of("stacked-mnist").LrG));
        Assert.Equal((64, 128), (Settings.Of("fashion-mnist", ("model", "vae")).Features, Settings.Of("fashion-mnist", ("model", "vae")).BatchSize));
        Assert.Equal(128, Settings.Of("fashion-mnist", ("model", "mlp")).BatchSize);
        Assert.Null(images.Iterations);
        Assert.Null(images.GLayers);
        var points = Settings.Of("ring");
        Assert.Equal((ModelKind.Mlp, 2, 1e-3, 256, 3000, 3, 128), (points.Model, points.LatentDim, points.LrD, points.BatchSize, points.Iterations!.Value, points.GLayers!.Value, points.GWidth!.Value));
        Assert.Null(points.Epochs);
        var folder = Settings.Of("my-pictures");
        Assert.Equal((64, 3, 64, 128, 2e-4), (folder.ImageSize, folder.Channels, folder.Features, folder.BatchSize, folder.LrD));
    }

    [Fact]
    public void Every_algorithm_1_setting_applies_to_image_runs()
    {
        var options = Settings.Of("fashion-mnist", ("objective", "minimax"), ("k", 3), ("prior", "uniform"), ("optimizer_g", "sgd"), ("lr_schedule", "linear"), ("beta2", 0.9));
        var training = options.ToTrainingOptions(200);
        Assert.Equal((GanObjective.Minimax, 3, NoisePrior.Uniform, OptimizerKind.Sgd, LearningRateSchedule.Linear, 0.9),
            (training.Objective, training.DiscriminatorSteps, training.Prior, training.GeneratorOptimizerOrDefault.Kind, training.Schedule, training.DiscriminatorOptimizerOrDefault.Beta2));
    }

    [Theory]
    [InlineData("ring", "epochs", 3, "epochs (--epochs) applies to image data")]
    [InlineData("ring", "features", 32, "features (--features) applies to DCGAN models")]
    [InlineData("fashion-mnist", "g_layers", 2, "g_layers (--g-layers) applies to MLP models")]
    [InlineData("fashion-mnist", "frames_every", 10, "frames_every (--frames-every) applies to point data")]
    [InlineData("my-pictures", "data_dir", 1, "data_dir (--data-dir) applies to the built-in image sets")]
    public void A_setting_that_does_not_apply_to_the_data_or_model_is_an_error_naming_it(string data, string key, int value, string expected)
    {
        var settings = new JsonObject { ["data"] = data, [key] = key == "data_dir" ? "somewhere" : value };
        var e = Assert.Throws<ArgumentException>(() => RunOptions.Resolve(settings));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void The_minibatch_standard_deviation_on_points_is_an_error_saying_why()
    {
        var e = Assert.Throws<ArgumentException>(() => Settings.Of("ring", ("minibatch_std", true)));
        Assert.Contains("minibatch_std (--minibatch-std) applies to DCGAN discriminators", e.Message);
        Assert.True(Settings.Of("fashion-mnist", ("minibatch_std", true)).MinibatchStd);
    }

    [Fact]
    public void D_features_apply_to_dcgan_discriminators_within_bounds_and_are_written_only_when_given()
    {
        var wide = Settings.Of("fashion-mnist", ("d_features", 64));
        Assert.Equal(64, wide.DFeatures);
        Assert.Equal(RunOptions.Dcgan28Features, wide.Features);
        Assert.Contains("\"d_features\": 64", wide.ToJson());
        Assert.Equal(wide.ToJson(), RunOptions.FromJson(wide.ToJson(), "config.json").ToJson());
        Assert.DoesNotContain("d_features", Settings.Of("fashion-mnist").ToJson());

        var onPoints = Assert.Throws<ArgumentException>(() => Settings.Of("ring", ("d_features", 64)));
        Assert.Contains("d_features (--d-features) applies to DCGAN discriminators", onPoints.Message);
        var onVae = Assert.Throws<ArgumentException>(() => Settings.Of("fashion-mnist", ("model", "vae"), ("d_features", 64)));
        Assert.Contains("d_features (--d-features) applies to DCGAN discriminators", onVae.Message);
        foreach (int bad in new[] { 0, 1025 })
        {
            var e = Assert.Throws<ArgumentException>(() => Settings.Of("fashion-mnist", ("d_features", bad)));
            Assert.Contains($"D's features (--d-features) must be between 1 and 1024 (got {bad})", e.Message);
        }
    }

    [Fact]
    public void The_joint_batch_applies_only_to_a_batch_normalised_dcgan_discriminator()
    {
        Assert.True(Settings.Of("fashion-mnist", ("joint_batch", true)).JointBatch);
        Assert.True(Settings.Of("fashion-mnist", ("joint_batch", true)).ToTrainingOptions(10).JointBatch);
        foreach (var other in new[] { ("ring", (string?)null), ("fashion-mnist", "spectral_norm"), ("fashion-mnist", "minibatch_std") })
        {
            var given = other.Item2 is { } key ? new (string, JsonNode?)[] { ("joint_batch", true), (key, true) } : new (string, JsonNode?)[] { ("joint_batch", true) };
            var e = Assert.Throws<ArgumentException>(() => Settings.Of(other.Item1, given));
            Assert.Contains("joint_batch (--joint-batch) applies to DCGAN discriminators with batch norm", e.Message);
        }
    }

    [Fact]
    public void Feature_matching_reaches_the_trainer_and_applies_only_to_dcgan_discriminators()
    {
        Assert.Equal(2.5, Settings.Of("stacked-mnist", ("feature_matching", 2.5)).ToTrainingOptions(10).FeatureMatching);
        Assert.Null(Settings.Of("stacked-mnist").ToTrainingOptions(10).FeatureMatching);
        var e = Assert.Throws<ArgumentException>(() => Settings.Of("ring", ("feature_matching", 1.0)));
        Assert.Contains("feature_matching (--feature-matching) applies to DCGAN discriminators", e.Message);
    }

    [Fact]
    public void A_dcgan_on_points_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Settings.Of("ring", ("model", "dcgan")));
        Assert.Contains("model dcgan needs image data", e.Message);
    }

    [Fact]
    public void An_unknown_key_is_rejected_with_its_name()
    {
        var e = Assert.Throws<ArgumentException>(() => RunOptions.Resolve(new JsonObject { ["iteratons"] = 10 }));
        Assert.Contains("iteratons", e.Message);
    }

    [Fact]
    public void A_duplicate_key_in_a_config_file_is_rejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => RunOptions.ParseSettings("{\"k\": 1, \"k\": 2}", "c.json"));
        Assert.Contains("c.json", e.Message);
    }

    [Fact]
    public void An_unknown_objective_name_lists_the_accepted_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => Settings.Of("ring", ("objective", "wasserstein")));
        Assert.Contains("'wasserstein'", e.Message);
        Assert.Contains("minimax, non-saturating", e.Message);
    }

    [Fact]
    public void Validation_names_every_bad_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => Settings.Of("ring", ("iterations", -1), ("lr_g", 0), ("g_width", 0), ("frames_every", -5), ("threads", -1)));
        Assert.Contains("iterations", e.Message);
        Assert.Contains("generator optimiser: learning rate", e.Message);
        Assert.Contains("generator: width", e.Message);
        Assert.Contains("frames-every", e.Message);
        Assert.Contains("threads", e.Message);
    }

    [Fact]
    public void The_defaults_point_files_and_the_demo_are_valid()
    {
        Assert.Empty(Settings.Of("ring").Validate());
        Assert.Empty(Settings.Of("my points.npy").Validate());
        Assert.Empty(RunOptions.Demo.Validate());
        Assert.Equal(DataKind.Points, RunOptions.KindOf("my points.npy"));
        Assert.Equal(DataKind.Images, RunOptions.KindOf("my-pictures"));
    }

    [Fact]
    public void Resuming_may_lengthen_a_run_but_not_change_its_algorithm()
    {
        var saved = Settings.Of("ring");
        Assert.Empty(saved.ConflictsWith(saved with { Iterations = 9000, FramesEvery = 5, Keep = 9, Threads = 2 }));
        var conflicts = saved.ConflictsWith(saved with { K = 2, LrD = 0.5 });
        Assert.Equal(2, conflicts.Count);
        Assert.Contains(conflicts, c => c.StartsWith("k: the run has 1, requested 2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_config_file_and_a_malformed_one_are_named()
    {
        using var dir = new TempDirectory();
        Assert.Contains("nope.json", Assert.Throws<FileNotFoundException>(() => RunOptions.LoadSettings(dir.File("nope.json"))).Message);
        File.WriteAllText(dir.File("bad.json"), "{\"k\": ");
        Assert.Contains("bad.json", Assert.Throws<InvalidDataException>(() => RunOptions.LoadSettings(dir.File("bad.json"))).Message);
    }
}
