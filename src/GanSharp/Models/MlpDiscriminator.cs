using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>Goodfellow's discriminator D: an MLP that returns the logit l(x); D(x) = σ(l(x)).</summary>
public sealed class MlpDiscriminator : Module<Tensor, Tensor>
{
    private readonly Sequential net;

    /// <param name="inputShape">Shape of one sample (flattened before the first layer).</param>
    /// <param name="options">Hidden layers, width, activation.</param>
    /// <param name="spectralNorm">Spectral normalisation of every layer (<see cref="SpectralNorm"/>).</param>
    public MlpDiscriminator(long[] inputShape, MlpOptions options, bool spectralNorm = false) : base(nameof(MlpDiscriminator))
    {
        InputShape = inputShape.ToArray();
        net = Mlp.Build(InputShape.Aggregate(1L, (a, b) => a * b), 1, options, spectralNorm);
        RegisterComponents();
    }

    /// <summary>Shape of one input sample.</summary>
    public long[] InputShape { get; }

    /// <summary>Logits l(x), shape [m].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return net.forward(x.flatten(1)).squeeze(1).MoveToOuterDisposeScope();   // [m, d] → [m]
    }
}
