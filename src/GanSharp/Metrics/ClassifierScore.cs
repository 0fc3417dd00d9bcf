using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>The Inception Score's formula on a dataset's own classifier (Salimans et al. 2016, §4).</summary>
public static class ClassifierScore
{
    /// <summary>
    /// CS = exp(E_x KL(p(y|x) ‖ p(y))), with p(y) = E_x p(y|x), over the rows of <paramref name="probabilities"/>
    /// ([n, C], each row a class distribution). It lies in [1, C]: high when each sample is confidently one class
    /// and the classes are used evenly. Terms with p(y|x) = 0 count as 0.
    /// </summary>
    /// <remarks>Computed on the whole set at once, not averaged over 10 splits as in the original.</remarks>
    public static double Compute(Tensor probabilities)
    {
        if (probabilities.dim() != 2 || probabilities.shape[0] == 0)
            throw new ArgumentException($"Probabilities must have shape [n, C] with n ≥ 1, got [{string.Join(", ", probabilities.shape)}].", nameof(probabilities));
        using var scope = NewDisposeScope();
        var p = probabilities.to_type(float64).cpu();                           // [n, C]
        var marginal = p.mean(new long[] { 0 }, keepdim: true);                // [1, C]
        var terms = p * (p.log() - marginal.log());
        var kl = where(p > 0, terms, zeros_like(terms)).sum(1);               // [n]
        return Math.Exp(kl.mean().item<double>());
    }

    /// <summary><see cref="Compute(Tensor)"/> from classifier logits ([n, C]), p(y|x) = softmax(logits).</summary>
    public static double FromLogits(Tensor logits)
    {
        using var probabilities = logits.to_type(float64).softmax(1);
        return Compute(probabilities);
    }
}
