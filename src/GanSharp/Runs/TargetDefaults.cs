using System.Text.Json.Nodes;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Objectives;

namespace GanSharp.Runs;

/// <summary>
/// The defaults a built-in target brings with it, laid over the point defaults before the objective's defaults and the user's settings
/// (which override them). Only the 25-Gaussian grid has its own: with the point defaults (the non-saturating game, N(0, I), 3,000
/// iterations) it keeps 15 of its 25 modes on seed 1; its settings are the measured best of docs/objectives.md ("Defaults").
/// </summary>
public static class TargetDefaults
{
    /// <summary>
    /// The grid's settings: the non-saturating game with the R1 penalty γ = 1 on data (Mescheder et al. 2018), noise U(−1, 1)² (a
    /// square, as the modes' lattice is), the learning rate decaying linearly to 0 over 25,000 iterations, a frame every 500. Measured
    /// (session 11): 25/25 modes with 97.2 %, 95.1 % and 97.8 % high-quality samples on seeds 1, 2, 3; theory experiment 8 gives R1
    /// all 25 modes on 10 of 10 seeds at 15,000 iterations. `--r1 0` turns the penalty off.
    /// </summary>
    public static readonly JsonObject Grid = new()
    {
        ["objective"] = SettingNames.Name(GanObjective.NonSaturating),
        ["r1"] = 1.0,
        ["prior"] = SettingNames.Name(NoisePrior.Uniform),
        ["lr_schedule"] = SettingNames.Name(LearningRateSchedule.Linear),
        ["iterations"] = 25_000,
        ["frames_every"] = 500,
    };

    /// <summary>Lays the defaults of the target <paramref name="data"/> names (if it has any) over <paramref name="defaults"/>.</summary>
    public static void Apply(JsonObject defaults, string data)
    {
        if (!string.Equals(data, "grid", StringComparison.OrdinalIgnoreCase)) return;
        foreach (var (key, value) in Grid) defaults[key] = value?.DeepClone();
    }
}
