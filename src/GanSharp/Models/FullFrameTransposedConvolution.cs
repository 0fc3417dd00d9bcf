using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>
/// A transposed convolution of a 1 × 1 input whose kernel is the whole b × b output (kernel b, stride 1, no padding, no bias), computed as
/// the linear map it is: [m, C, 1, 1] → [m, C] · W̃ → [m, out, b, b], W̃ = W [C, out, b, b] reshaped to [C, out·b·b].
/// </summary>
/// <remarks>
/// Why not <c>ConvTranspose2d</c>: with libtorch 2.10 on the CPU, ConvTranspose2d in float32 on a 1 × 1 input returns the right value
/// at output position (0, 0) and zeros at every other position, while its gradients are those of the right map (float64 is right;
/// docs/known-issues.md). A DCGAN generator's first layer then passed z on at one of the b² positions only.
/// The weight has ConvTranspose2d's shape and name, drawn as ConvTranspose2d draws it, so checkpoints and seeds are unchanged.
/// </remarks>
public sealed class FullFrameTransposedConvolution : Module<Tensor, Tensor>
{
    /// <param name="inputChannels">C.</param>
    /// <param name="outputs">Output channels.</param>
    /// <param name="side">b, the output's (and kernel's) side.</param>
    public FullFrameTransposedConvolution(long inputChannels, long outputs, long side) : base(nameof(FullFrameTransposedConvolution))
    {
        using var shape = ConvTranspose2d(inputChannels, outputs, kernel_size: side, stride: 1, padding: 0, bias: false);   // draws W as ConvTranspose2d would
        weight = new Parameter(shape.weight!.detach().clone());
        RegisterComponents();
    }

    // A field, registered under ConvTranspose2d's name "weight".
    private readonly Parameter weight;

    /// <summary>W [C, out, b, b].</summary>
    public Parameter Weight => weight;

    /// <summary>x [m, C, 1, 1] ↦ [m, out, b, b].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = x.flatten(1).matmul(weight.flatten(1));   // [m, C] · [C, out·b·b] → [m, out·b·b]
        return y.reshape(y.shape[0], weight.shape[1], weight.shape[2], weight.shape[3]).MoveToOuterDisposeScope();
    }
}
