using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>
/// The encoder of the auto-encoder baselines: <see cref="DcganDiscriminator"/>'s convolutions (strided, batch norm after the first,
/// LeakyReLU(0.2)) ending in <see cref="Outputs"/> numbers instead of one logit, so encoder and decoder are of DCGAN size.
/// </summary>
/// <remarks>For 28 pixels, F features: C × 28 × 28 → F × 14 × 14 → 2F × 7 × 7 → outputs × 1 × 1 → [m, outputs].</remarks>
public sealed class ConvEncoder : Module<Tensor, Tensor>
{
    private readonly Sequential net;

    /// <param name="architecture">Image size, channels and features F (as the decoder's).</param>
    /// <param name="outputs">Numbers per image: the code dimension (auto-encoder) or twice it (VAE: mean and log standard deviation).</param>
    public ConvEncoder(DcganArchitecture architecture, int outputs) : base(nameof(ConvEncoder))
    {
        architecture.EnsureValid();
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "The encoder needs at least one output.");
        Outputs = outputs;
        var a = architecture;
        var layers = DcganLayers.Downsampling(a);
        // [m, F·2^(L−1), b, b] → [m, outputs, 1, 1]
        layers.Add(("code", new FullFrameConvolution(a.WidthAt(0), outputs, a.BaseSide)));
        net = Sequential(layers);
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Numbers per image.</summary>
    public int Outputs { get; }

    /// <summary>x [m, C, S, S] ↦ [m, <see cref="Outputs"/>].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return net.forward(x).flatten(1).MoveToOuterDisposeScope();   // [m, outputs, 1, 1] → [m, outputs]
    }
}
