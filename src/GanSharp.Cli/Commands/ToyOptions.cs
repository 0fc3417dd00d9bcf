using System.CommandLine;
using GanSharp.Distributions;
using GanSharp.Models;
using GanSharp.Objectives;
using GanSharp.Training;

namespace GanSharp.Cli.Commands;

/// <summary>The command-line options of a run on points, one per <see cref="ToyRunConfig"/> setting; only options the user gave override the base configuration.</summary>
internal sealed class ToyOptions
{
    public readonly Option<string> Data = new("--data") { Description = $"Target: {string.Join("|", TargetDistributions.Names)}, or a .csv/.npy file of N×1 or N×2 points.", HelpName = "NAME|FILE" };
    public readonly Option<string> Objective = Named<GeneratorObjective>("--objective", "Generator objective.");
    public readonly Option<int> K = new("--k") { Description = "Discriminator steps per iteration." };
    public readonly Option<int> BatchSize = new("--batch-size") { Description = "Minibatch size m." };
    public readonly Option<int> Iterations = new("--iterations") { Description = "Training iterations." };
    public readonly Option<string> Prior = Named<NoisePrior>("--prior", "Noise prior: N(0, I) or U(−1, 1).");
    public readonly Option<int> LatentDim = new("--latent-dim") { Description = "Dimension of z." };
    public readonly Option<string> OptimizerD = Named<OptimizerKind>("--optimizer-d", "Optimiser of D.");
    public readonly Option<string> OptimizerG = Named<OptimizerKind>("--optimizer-g", "Optimiser of G.");
    public readonly Option<double> LrD = new("--lr-d") { Description = "Learning rate of D." };
    public readonly Option<double> LrG = new("--lr-g") { Description = "Learning rate of G." };
    public readonly Option<string> LrSchedule = Named<LearningRateSchedule>("--lr-schedule", "Learning-rate schedule of both players: constant, or linear decay to 0.");
    public readonly Option<double> Beta1 = new("--beta1") { Description = "Adam β₁ (both players)." };
    public readonly Option<double> Beta2 = new("--beta2") { Description = "Adam β₂ (both players)." };
    public readonly Option<double> Momentum = new("--momentum") { Description = "SGD momentum (both players)." };
    public readonly Option<int> GLayers = new("--g-layers") { Description = "Hidden layers of G." };
    public readonly Option<int> GWidth = new("--g-width") { Description = "Units per hidden layer of G." };
    public readonly Option<int> DLayers = new("--d-layers") { Description = "Hidden layers of D." };
    public readonly Option<int> DWidth = new("--d-width") { Description = "Units per hidden layer of D." };
    public readonly Option<string> Activation = Named<Activation>("--activation", "Hidden nonlinearity of G and D.");
    public readonly Option<int> Seed = new("--seed") { Description = "Seed of every random stream." };
    public readonly Option<int> FramesEvery = new("--frames-every") { Description = "Frame and mode metrics every N iterations (0: only at the end)." };
    public readonly Option<string> Device = Named<ComputeDevice>("--device", "Where the tensors live.");
    public readonly Option<int> Threads = new("--threads") { Description = "libtorch CPU threads (0: automatic, one thread for small models, one per core for large ones)." };

    /// <summary>Every option, in help order.</summary>
    public IEnumerable<Option> All => new Option[]
    {
        Data, Objective, K, BatchSize, Iterations, Prior, LatentDim, OptimizerD, OptimizerG, LrD, LrG, LrSchedule, Beta1, Beta2, Momentum,
        GLayers, GWidth, DLayers, DWidth, Activation, Seed, FramesEvery, Device, Threads,
    };

    /// <summary><paramref name="config"/> with every option the user gave applied on top.</summary>
    public ToyRunConfig Apply(ParseResult result, ToyRunConfig config)
    {
        T? Given<T>(Option<T> option) => result.GetResult(option) is { Implicit: false } ? result.GetValue(option) : default;
        bool Has(Option option) => result.GetResult(option) is { Implicit: false };

        if (Has(Data)) config = config with { Data = Given(Data)! };
        if (Has(Objective)) config = config with { Objective = SettingNames.Parse<GeneratorObjective>(Given(Objective)!, "objective") };
        if (Has(K)) config = config with { K = Given(K) };
        if (Has(BatchSize)) config = config with { BatchSize = Given(BatchSize) };
        if (Has(Iterations)) config = config with { Iterations = Given(Iterations) };
        if (Has(Prior)) config = config with { Prior = SettingNames.Parse<NoisePrior>(Given(Prior)!, "prior") };
        if (Has(LatentDim)) config = config with { LatentDim = Given(LatentDim) };
        if (Has(OptimizerD)) config = config with { OptimizerD = SettingNames.Parse<OptimizerKind>(Given(OptimizerD)!, "optimizer") };
        if (Has(OptimizerG)) config = config with { OptimizerG = SettingNames.Parse<OptimizerKind>(Given(OptimizerG)!, "optimizer") };
        if (Has(LrD)) config = config with { LrD = Given(LrD) };
        if (Has(LrG)) config = config with { LrG = Given(LrG) };
        if (Has(LrSchedule)) config = config with { LrSchedule = SettingNames.Parse<LearningRateSchedule>(Given(LrSchedule)!, "learning-rate schedule") };
        if (Has(Beta1)) config = config with { Beta1 = Given(Beta1) };
        if (Has(Beta2)) config = config with { Beta2 = Given(Beta2) };
        if (Has(Momentum)) config = config with { Momentum = Given(Momentum) };
        if (Has(GLayers)) config = config with { GLayers = Given(GLayers) };
        if (Has(GWidth)) config = config with { GWidth = Given(GWidth) };
        if (Has(DLayers)) config = config with { DLayers = Given(DLayers) };
        if (Has(DWidth)) config = config with { DWidth = Given(DWidth) };
        if (Has(Activation)) config = config with { Activation = SettingNames.Parse<Activation>(Given(Activation)!, "activation") };
        if (Has(Seed)) config = config with { Seed = Given(Seed) };
        if (Has(FramesEvery)) config = config with { FramesEvery = Given(FramesEvery) };
        if (Has(Device)) config = config with { Device = SettingNames.Parse<ComputeDevice>(Given(Device)!, "device") };
        if (Has(Threads)) config = config with { Threads = Given(Threads) };
        return config;
    }

    private static Option<string> Named<T>(string name, string description) where T : struct, Enum
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join("|", SettingNames.Of<T>()) };
        option.AcceptOnlyFromAmong(SettingNames.Of<T>().ToArray());
        return option;
    }
}
