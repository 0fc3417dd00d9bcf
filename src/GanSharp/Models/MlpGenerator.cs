using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>Goodfellow's generator G: z ∈ ℝ^latent ↦ x ∈ ℝ^out through an MLP with a linear output.</summary>
public sealed class MlpGenerator : Module<Tensor, Tensor>
{
    private readonly Sequential net;

    /// <param name="latentDim">Dimension of z.</param>
    /// <param name="outputShape">Shape of one sample (e.g. [2], or [1, 28, 28] for flattened images).</param>
    /// <param name="options">Hidden layers, width, activation.</param>
    /// <param name="tanhOutput">Squash outputs into (−1, 1) (for pixels scaled to that range).</param>
    public MlpGenerator(long latentDim, long[] outputShape, MlpOptions options, bool tanhOutput = false) : base(nameof(MlpGenerator))
    {
        LatentDim = latentDim;
        OutputShape = outputShape.ToArray();
        TanhOutput = tanhOutput;
        net = Mlp.Build(latentDim, OutputShape.Aggregate(1L, (a, b) => a * b), options);
        RegisterComponents();
    }

    /// <summary>Dimension of z.</summary>
    public long LatentDim { get; }

    /// <summary>Shape of one generated sample.</summary>
    public long[] OutputShape { get; }

    /// <summary>Whether the output is squashed by tanh.</summary>
    public bool TanhOutput { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor z)
    {
        using var scope = NewDisposeScope();
        var x = net.forward(z);                                        // [m, prod(OutputShape)]
        if (TanhOutput) x = x.tanh();
        var shape = new long[OutputShape.Length + 1];
        shape[0] = z.shape[0];
        OutputShape.CopyTo(shape, 1);
        return x.reshape(shape).MoveToOuterDisposeScope();             // [m, ...OutputShape]
    }
}
