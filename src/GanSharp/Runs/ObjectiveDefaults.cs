using System.Text.Json.Nodes;
using GanSharp.Gan;
using GanSharp.Objectives;

namespace GanSharp.Runs;

/// <summary>
/// The defaults an objective brings with it, laid over the data kind's defaults before the user's settings (which override them):
/// <list type="bullet">
/// <item><c>wgan</c> (Arjovsky et al. 2017, Algorithm 1): c = 0.01, k = n_critic = 5, RMSprop for both players; on images their
/// learning rate 5·10⁻⁵ (points keep the kind's 10⁻³: at 5·10⁻⁵ a 3,000-iteration run barely moves).</item>
/// <item><c>wgan-gp</c> (Gulrajani et al. 2017, Algorithm 1): λ = 10, k = 5, Adam β = (0, 0.9); on images their learning rate 10⁻⁴.</item>
/// </list>
/// The other objectives train with the kind's defaults (k = 1, Adam).
/// </summary>
public static class ObjectiveDefaults
{
    /// <summary>Lays the defaults of the objective named in <paramref name="given"/> over <paramref name="defaults"/>.</summary>
    public static void Apply(JsonObject defaults, JsonObject given, DataKind kind)
    {
        if (given["objective"] is not JsonValue value || !value.TryGetValue<string>(out var name)) return;
        GanObjective objective;
        try
        {
            objective = SettingNames.Parse<GanObjective>(name, "objective");
        }
        catch (ArgumentException)
        {
            return;   // Resolve reports the unknown name
        }
        bool images = kind == DataKind.Images;
        switch (objective)
        {
            case GanObjective.Wgan:
                defaults["clip"] = 0.01;
                defaults["k"] = 5;
                defaults["optimizer_d"] = SettingNames.Name(OptimizerKind.RmsProp);
                defaults["optimizer_g"] = SettingNames.Name(OptimizerKind.RmsProp);
                if (images)
                {
                    defaults["lr_d"] = 5e-5;
                    defaults["lr_g"] = 5e-5;
                }
                break;
            case GanObjective.WganGp:
                defaults["gp_lambda"] = 10.0;
                defaults["k"] = 5;
                defaults["beta1"] = 0.0;
                defaults["beta2"] = 0.9;
                if (images)
                {
                    defaults["lr_d"] = 1e-4;
                    defaults["lr_g"] = 1e-4;
                }
                break;
        }
    }
}
