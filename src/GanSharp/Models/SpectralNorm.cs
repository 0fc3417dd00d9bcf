using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>
/// Spectral normalisation (Miyato et al. 2018): a Linear or Conv2d layer whose weight W acts as W / σ(W), σ(W) its largest singular
/// value (of W reshaped to [out, in·k·k]), estimated by one step of power iteration per training forward pass. Each layer then is
/// 1-Lipschitz in its linear part, and a network of them with 1-Lipschitz activations is 1-Lipschitz: D cannot grow arbitrarily sharp.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 has no <c>torch.nn.utils.spectral_norm</c>, hence this wrapper. Power iteration (in training mode, without gradient):
/// v ← Wᵀu / ‖Wᵀu‖, u ← W v / ‖W v‖; then σ = uᵀ W v with u, v held fixed, so the gradient flows through W only, as in the paper.
/// A layer is linear in W, so layer(x; W/σ, b) = (layer(x; W, b) − b)/σ + b: the wrapper calls the layer itself and rescales.
/// u and v are buffers: they are saved with the module, so a restored D continues the same iteration.
/// </remarks>
public sealed class SpectralNorm : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> layer;
    private readonly Tensor u;
    private readonly Tensor v;

    /// <param name="layer">A <see cref="TorchSharp.Modules.Linear"/>, <see cref="TorchSharp.Modules.Conv2d"/> or <see cref="FullFrameConvolution"/>; this module owns it. u starts from the global random stream.</param>
    public SpectralNorm(Module<Tensor, Tensor> layer) : base(nameof(SpectralNorm))
    {
        this.layer = layer;
        var w = Matrix(Weight);   // [out, in·k·k]
        u = functional.normalize(randn(w.shape[0]), dim: 0);
        v = functional.normalize(randn(w.shape[1]), dim: 0);
        w.Dispose();
        RegisterComponents();
    }

    /// <summary>The wrapped layer's own (unnormalised) weight W.</summary>
    public Tensor Weight => layer switch
    {
        Linear linear => linear.weight!,
        Conv2d conv => conv.weight!,
        FullFrameConvolution full => full.Weight,
        _ => throw new NotSupportedException($"Spectral normalisation wraps Linear and convolution layers, not {layer.GetType().Name}."),
    };

    /// <summary>The current estimate σ = uᵀ W v of W's largest singular value (differentiable in W).</summary>
    public Tensor Sigma()
    {
        using var scope = NewDisposeScope();
        // Copies of u and v: a later forward pass in the same step (D sees data, then G(z)) updates them in place, and
        // autograd needs the values this pass used.
        return u.clone().dot(Matrix(Weight).mv(v.clone())).MoveToOuterDisposeScope();
    }

    /// <summary>layer(x) with W / σ(W) in place of W; in training mode one power-iteration step first.</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        if (training)
        {
            using var _ = no_grad();
            var w = Matrix(Weight);
            v.copy_(functional.normalize(w.t().mv(u), dim: 0, eps: 1e-12));
            u.copy_(functional.normalize(w.mv(v), dim: 0, eps: 1e-12));
        }
        var sigma = Sigma();
        var y = layer.forward(x);
        var bias = layer switch
        {
            Linear linear => linear.bias,
            Conv2d conv => conv.bias,
            FullFrameConvolution full => full.Bias,
            _ => null,
        };
        if (bias is null) return (y / sigma).MoveToOuterDisposeScope();
        var b = bias.reshape(new[] { 1, bias.shape[0] }.Concat(Enumerable.Repeat(1L, (int)y.dim() - 2)).ToArray());   // [out] → [1, out, 1, …]
        return ((y - b) / sigma + b).MoveToOuterDisposeScope();
    }

    private static Tensor Matrix(Tensor weight) => weight.reshape(weight.shape[0], -1);   // [out, in, k, k] → [out, in·k·k]
}
