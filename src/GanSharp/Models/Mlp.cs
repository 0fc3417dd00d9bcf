using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>Builds the fully connected stacks used by <see cref="MlpGenerator"/> and <see cref="MlpDiscriminator"/>.</summary>
public static class Mlp
{
    /// <summary>in → [Linear → act] × L → Linear → out.</summary>
    public static Sequential Build(long inputs, long outputs, MlpOptions options)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        long width = inputs;
        for (int i = 0; i < options.HiddenLayers; i++)
        {
            layers.Add(($"linear{i}", Linear(width, options.Width)));
            layers.Add(($"act{i}", MakeActivation(options.Activation)));
            width = options.Width;
        }
        layers.Add(("out", Linear(width, outputs)));
        return Sequential(layers);
    }

    /// <summary>The module for an <see cref="Activation"/>.</summary>
    public static Module<Tensor, Tensor> MakeActivation(Activation activation) => activation switch
    {
        Activation.ReLU => ReLU(),
        Activation.LeakyReLU => LeakyReLU(0.2),
        Activation.Tanh => Tanh(),
        Activation.ELU => ELU(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };
}
