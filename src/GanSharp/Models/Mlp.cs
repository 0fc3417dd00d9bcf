using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>Builds the fully connected stacks used by <see cref="MlpGenerator"/> and <see cref="MlpDiscriminator"/>.</summary>
public static class Mlp
{
    /// <summary>in → [Linear → act] × L → Linear → out; with <paramref name="spectralNorm"/> every Linear wrapped in <see cref="SpectralNorm"/>.</summary>
    public static Sequential Build(long inputs, long outputs, MlpOptions options, bool spectralNorm = false)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        long width = inputs;
        for (int i = 0; i < options.HiddenLayers; i++)
        {
            layers.Add(($"linear{i}", Normalised(Linear(width, options.Width), spectralNorm)));
            layers.Add(($"act{i}", MakeActivation(options.Activation)));
            width = options.Width;
        }
        layers.Add(("out", Normalised(Linear(width, outputs), spectralNorm)));
        return Sequential(layers);
    }

    /// <summary><paramref name="layer"/>, wrapped in <see cref="SpectralNorm"/> when <paramref name="spectralNorm"/>.</summary>
    public static Module<Tensor, Tensor> Normalised(Module<Tensor, Tensor> layer, bool spectralNorm) => spectralNorm ? new SpectralNorm(layer) : layer;

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
