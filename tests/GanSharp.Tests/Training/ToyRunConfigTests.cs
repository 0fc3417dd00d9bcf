using System.Text.Json;
using GanSharp.Distributions;
using GanSharp.Models;
using GanSharp.Objectives;
using GanSharp.Training;

namespace GanSharp.Tests.Training;

public class ToyRunConfigTests
{
    [Fact]
    public void A_configuration_survives_a_json_round_trip()
    {
        var config = new ToyRunConfig(Data: "grid", Objective: GeneratorObjective.Minimax, K: 2, BatchSize: 64, Iterations: 77,
            Prior: NoisePrior.Uniform, LatentDim: 5, OptimizerD: OptimizerKind.Sgd, LrD: 0.01, LrG: 2e-4, Beta1: 0.1, Beta2: 0.9,
            Momentum: 0.5, GLayers: 2, GWidth: 32, DLayers: 4, DWidth: 16, Activation: Activation.LeakyReLU, Seed: 9, FramesEvery: 0,
            Threads: 0);
        Assert.Equal(config, ToyRunConfig.FromJson(config.ToJson()));
    }

    [Fact]
    public void The_json_uses_snake_case_keys_and_the_command_line_spelling_of_names()
    {
        var json = new ToyRunConfig(Activation: Activation.LeakyReLU).ToJson();
        Assert.Contains("\"batch_size\": 256", json);
        Assert.Contains("\"lr_d\": 0.001", json);
        Assert.Contains("\"objective\": \"non-saturating\"", json);
        Assert.Contains("\"activation\": \"leaky-relu\"", json);
        Assert.Contains("\"frames_every\": 100", json);
    }

    [Fact]
    public void Keys_missing_from_the_json_take_their_defaults()
    {
        var config = ToyRunConfig.FromJson("{\"data\": \"grid\", \"iterations\": 10}");
        Assert.Equal(new ToyRunConfig() with { Data = "grid", Iterations = 10 }, config);
    }

    [Fact]
    public void An_unknown_key_is_rejected_with_its_name()
    {
        var e = Assert.Throws<JsonException>(() => ToyRunConfig.FromJson("{\"iteratons\": 10}"));
        Assert.Contains("iteratons", e.Message);
    }

    [Fact]
    public void An_unknown_objective_name_lists_the_accepted_ones()
    {
        var e = Assert.Throws<JsonException>(() => ToyRunConfig.FromJson("{\"objective\": \"wasserstein\"}"));
        Assert.Contains("'wasserstein'", e.Message);
        Assert.Contains("minimax, non-saturating", e.Message);
    }

    [Fact]
    public void Validation_names_every_bad_setting()
    {
        var problems = new ToyRunConfig(Data: "spiral", Iterations: -1, LrG: 0, GWidth: 0, FramesEvery: -5, Threads: -1).Validate();
        Assert.Contains(problems, p => p.Contains("'spiral'"));
        Assert.Contains(problems, p => p.Contains("iterations"));
        Assert.Contains(problems, p => p.Contains("generator optimiser: learning rate"));
        Assert.Contains(problems, p => p.Contains("generator: width"));
        Assert.Contains(problems, p => p.Contains("frames-every"));
        Assert.Contains(problems, p => p.Contains("threads"));
        Assert.Equal(6, problems.Count);
    }

    [Fact]
    public void The_defaults_and_point_files_are_valid()
    {
        Assert.Empty(new ToyRunConfig().Validate());
        Assert.Empty(new ToyRunConfig(Data: "my points.npy").Validate());
        Assert.Empty(ToyRunConfig.Demo.Validate());
    }

    [Fact]
    public void A_missing_config_file_and_a_malformed_one_are_named()
    {
        using var dir = new TempDirectory();
        Assert.Contains("nope.json", Assert.Throws<FileNotFoundException>(() => ToyRunConfig.Load(dir.File("nope.json"))).Message);
        File.WriteAllText(dir.File("bad.json"), "{\"k\": \"two\"}");
        Assert.Contains("bad.json", Assert.Throws<InvalidDataException>(() => ToyRunConfig.Load(dir.File("bad.json"))).Message);
    }
}
