using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Gan;

/// <summary>
/// An exponential moving average of G's weights, θ̄ ← β θ̄ + (1 − β) θ after every G step (Yazıcı et al. 2019, "The Unusual
/// Effectiveness of Averaging in GAN Training"), held in a second copy of G that samples, evaluates and exports in G's place.
/// Averaging damps the rotation of the simultaneous game around its equilibrium and the last steps' jumps between modes.
/// </summary>
/// <remarks>Buffers (batch norm's running statistics) are copied from G, not averaged: they already are running averages.</remarks>
public sealed class GeneratorAverage : IDisposable
{
    private readonly (Tensor Live, Tensor Average)[] _parameters;
    private readonly (Tensor Live, Tensor Average)[] _buffers;

    /// <param name="live">The trained G.</param>
    /// <param name="average">A G of the same architecture; it starts as a copy of <paramref name="live"/>, and this object owns it.</param>
    /// <param name="decay">β in (0, 1); 0.999 averages over roughly the last 1,000 steps.</param>
    public GeneratorAverage(Module<Tensor, Tensor> live, Module<Tensor, Tensor> average, double decay)
    {
        if (!(decay > 0 && decay < 1)) throw new ArgumentOutOfRangeException(nameof(decay), decay, "The EMA decay must be in (0, 1).");
        Decay = decay;
        Generator = average;
        _parameters = live.parameters().Zip(average.parameters(), (l, a) => ((Tensor)l, (Tensor)a)).ToArray();
        _buffers = live.buffers().Zip(average.buffers()).ToArray();
        using var _ = no_grad();
        foreach (var (l, a) in _parameters.Concat(_buffers)) a.copy_(l);
        foreach (var p in average.parameters()) p.requires_grad = false;
        average.eval();
    }

    /// <summary>β.</summary>
    public double Decay { get; }

    /// <summary>The averaged G (always in eval mode; never trained directly).</summary>
    public Module<Tensor, Tensor> Generator { get; }

    /// <summary>θ̄ ← β θ̄ + (1 − β) θ; buffers copied.</summary>
    public void Update()
    {
        using var _ = no_grad();
        foreach (var (l, a) in _parameters) a.mul_(Decay).add_(l, alpha: 1 - Decay);
        foreach (var (l, a) in _buffers) a.copy_(l);
    }

    /// <inheritdoc />
    public void Dispose() => Generator.Dispose();
}
