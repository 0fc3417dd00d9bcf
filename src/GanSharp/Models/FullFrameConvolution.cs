using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>
/// A convolution whose kernel covers its whole b × b input (kernel b, stride 1, no padding: one output position), computed as the
/// linear map it is: [m, C, b, b] → flatten → x W̃ᵀ + bias → [m, out, 1, 1], W̃ = W [out, C, b, b] reshaped to [out, C·b·b].
/// </summary>
/// <remarks>
/// Why not <c>Conv2d</c>: with libtorch 2.10 on the CPU, the float32 gradient of such a Conv2d with respect to its input is wrong for
/// some shapes (relative error about 1 at 512 × 4 × 4 and 256 × 4 × 4, the last layer of the 64- and 32-pixel DCGAN discriminators;
/// right at 128 × 7 × 7), and at times NaN, which made 64 × 64 runs diverge at iteration 1 (docs/known-issues.md).
/// The parameters are W and bias with Conv2d's shapes and names, drawn as Conv2d draws them, so checkpoints and seeds are unchanged.
/// </remarks>
public sealed class FullFrameConvolution : Module<Tensor, Tensor>
{
    /// <param name="inputChannels">C.</param>
    /// <param name="outputs">Output channels.</param>
    /// <param name="side">b, the input's (and kernel's) side.</param>
    public FullFrameConvolution(long inputChannels, long outputs, long side) : base(nameof(FullFrameConvolution))
    {
        using var shape = Conv2d(inputChannels, outputs, kernel_size: side, stride: 1, padding: 0L);   // draws W and bias as Conv2d would
        weight = new Parameter(shape.weight!.detach().clone());
        bias = new Parameter(shape.bias!.detach().clone());
        RegisterComponents();
    }

    // Fields, registered under Conv2d's names "weight" and "bias".
    private readonly Parameter weight;
    private readonly Parameter bias;

    /// <summary>W [out, C, b, b].</summary>
    public Parameter Weight => weight;

    /// <summary>bias [out].</summary>
    public Parameter Bias => bias;

    /// <summary>x [m, C, b, b] ↦ [m, out, 1, 1].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = functional.linear(x.flatten(1), weight.flatten(1), bias);   // [m, C·b·b] → [m, out]
        return y.reshape(y.shape[0], y.shape[1], 1, 1).MoveToOuterDisposeScope();
    }
}
