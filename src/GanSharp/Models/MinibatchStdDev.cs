using static TorchSharp.torch;

namespace GanSharp.Models;

/// <summary>
/// Minibatch standard deviation (Karras et al. 2018, "Progressive growing of GANs", §3): appends to features h [m, c, …] one channel
/// that holds, at every position, s = mean over channels and positions of √(Var_batch(h) + ε), the population variance across the
/// m samples of the batch: [m, c, …] → [m, c + 1, …]. A generator that gives every sample the same background, or the same anything,
/// makes s small on its batches; real batches vary, so D can tell the two apart by s and G is pushed to vary its samples.
/// </summary>
/// <remarks>
/// D's score of one image then depends on the rest of its batch, so D must be shown batches of only real or only generated images,
/// as <see cref="Gan.GanTrainer"/> does.
/// </remarks>
public sealed class MinibatchStdDev : nn.Module<Tensor, Tensor>
{
    /// <summary>ε under the square root, which keeps the gradient finite for a batch of identical samples.</summary>
    public const double Epsilon = 1e-8;

    /// <summary>A layer without weights.</summary>
    public MinibatchStdDev() : base(nameof(MinibatchStdDev)) { }

    /// <summary>h [m, c, …] ↦ [m, c + 1, …], the last channel s everywhere.</summary>
    public override Tensor forward(Tensor h)
    {
        if (h.dim() < 2) throw new ArgumentException($"Expected features [m, c, …], got [{string.Join(", ", h.shape)}].", nameof(h));
        using var scope = NewDisposeScope();
        // √(Var over the batch + ε) per feature and position, then its mean: a scalar.
        var spread = (h.var(0, unbiased: false) + Epsilon).sqrt().mean();
        var shape = h.shape.ToArray();
        shape[1] = 1;
        return cat(new[] { h, spread.expand(shape) }, 1).MoveToOuterDisposeScope();
    }
}
