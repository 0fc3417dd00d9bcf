using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Objectives;

namespace GanSharp.Runs;

/// <summary>The one spelling of each enum setting, shared by configuration files and the command line (e.g. <c>non-saturating</c>).</summary>
public static class SettingNames
{
    private static readonly Dictionary<Type, (Enum Value, string Name)[]> Table = new()
    {
        [typeof(GanObjective)] = new (Enum, string)[] { (GanObjective.Minimax, "minimax"), (GanObjective.NonSaturating, "non-saturating"),
            (GanObjective.Kl, "kl"), (GanObjective.ReverseKl, "reverse-kl"), (GanObjective.JensenShannon, "jensen-shannon"), (GanObjective.Pearson, "pearson"),
            (GanObjective.Hellinger, "hellinger"), (GanObjective.Wgan, "wgan"), (GanObjective.WganGp, "wgan-gp"), (GanObjective.LeastSquares, "least-squares"), (GanObjective.Hinge, "hinge") },
        [typeof(NoisePrior)] = new (Enum, string)[] { (NoisePrior.Normal, "normal"), (NoisePrior.Uniform, "uniform") },
        [typeof(OptimizerKind)] = new (Enum, string)[] { (OptimizerKind.Adam, "adam"), (OptimizerKind.Sgd, "sgd"), (OptimizerKind.RmsProp, "rmsprop") },
        [typeof(Activation)] = new (Enum, string)[] { (Activation.ReLU, "relu"), (Activation.LeakyReLU, "leaky-relu"), (Activation.Tanh, "tanh"), (Activation.ELU, "elu") },
        [typeof(LearningRateSchedule)] = new (Enum, string)[] { (LearningRateSchedule.Constant, "constant"), (LearningRateSchedule.Linear, "linear") },
        [typeof(ModelKind)] = new (Enum, string)[] { (ModelKind.Mlp, "mlp"), (ModelKind.Dcgan, "dcgan"), (ModelKind.Ae, "ae"), (ModelKind.Vae, "vae"), (ModelKind.Gmm, "gmm") },
        [typeof(ComputeDevice)] = new (Enum, string)[] { (ComputeDevice.Cpu, "cpu"), (ComputeDevice.Cuda, "cuda") },
        [typeof(DataKind)] = new (Enum, string)[] { (DataKind.Points, "points"), (DataKind.Images, "images") },
    };

    /// <summary>Every accepted name of <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<string> Of<T>() where T : struct, Enum => Entries<T>().Select(e => e.Name).ToArray();

    /// <summary>The name of <paramref name="value"/>.</summary>
    public static string Name<T>(T value) where T : struct, Enum => Entries<T>().First(e => e.Value.Equals(value)).Name;

    /// <summary>The value called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message names the setting and lists the accepted names.</exception>
    public static T Parse<T>(string name, string setting) where T : struct, Enum
    {
        foreach (var (value, text) in Entries<T>())
            if (string.Equals(text, name?.Trim(), StringComparison.OrdinalIgnoreCase)) return (T)value;
        throw new ArgumentException($"Unknown {setting} '{name}'. Use one of: {string.Join(", ", Of<T>())}.");
    }

    private static (Enum Value, string Name)[] Entries<T>() where T : struct, Enum =>
        Table.TryGetValue(typeof(T), out var entries) ? entries : throw new InvalidOperationException($"{typeof(T).Name} has no setting names.");
}
