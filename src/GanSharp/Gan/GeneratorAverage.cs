using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Gan;

/// <summary>
/// An exponential moving average of G's weights, θ̄ ← β θ̄ + (1 − β) θ after every G step (Yazıcı et al. 2019, "The Unusual
/// Effectiveness of Averaging in GAN Training"), held in a second copy of G that samples, evaluates and exports in G's place.
/// Averaging damps the rotation of the simultaneous game around its equilibrium and the last steps' jumps between modes.
/// </summary>
/// <remarks>
/// Batch norm's running statistics are not averaged and not copied from G: G's statistics describe G's activations, not those of
/// the averaged weights, and an average sampled with them draws washed-out images. Whenever <see cref="Generator"/> is read after an
/// update, each batch norm's mean and variance are recomputed as those of the averaged G on one fixed batch of noise (as Yazıcı et
/// al. do), so they depend only on the averaged weights and that noise: a resumed run reads the same numbers.
/// </remarks>
public sealed class GeneratorAverage : IDisposable
{
    private readonly Module<Tensor, Tensor> _average;
    private readonly (Tensor Live, Tensor Average)[] _parameters;
    private readonly NormBase[] _normalisations;
    private readonly Tensor _normalisationNoise;
    private bool _normalisationStale;

    /// <param name="live">The trained G.</param>
    /// <param name="average">A G of the same architecture; it starts as a copy of <paramref name="live"/>, and this object owns it.</param>
    /// <param name="decay">β in (0, 1); 0.999 averages over roughly the last 1,000 steps.</param>
    /// <param name="normalisationNoise">z [n, LatentDim], the fixed noise whose batch statistics the averaged G's batch norms take; this object owns it.</param>
    public GeneratorAverage(Module<Tensor, Tensor> live, Module<Tensor, Tensor> average, double decay, Tensor normalisationNoise)
    {
        if (!(decay > 0 && decay < 1)) throw new ArgumentOutOfRangeException(nameof(decay), decay, "The EMA decay must be in (0, 1).");
        Decay = decay;
        _average = average;
        _normalisationNoise = normalisationNoise;
        _parameters = live.parameters().Zip(average.parameters(), (l, a) => ((Tensor)l, (Tensor)a)).ToArray();
        _normalisations = average.modules().OfType<NormBase>().ToArray();
        using var _ = no_grad();
        foreach (var (l, a) in _parameters) a.copy_(l);
        foreach (var p in average.parameters()) p.requires_grad = false;
        average.eval();
        _normalisationStale = true;
    }

    /// <summary>β.</summary>
    public double Decay { get; }

    /// <summary>The averaged G (always in eval mode; never trained directly), its batch norm statistics those of its own weights.</summary>
    public Module<Tensor, Tensor> Generator
    {
        get
        {
            if (_normalisationStale) RecomputeNormalisation();
            return _average;
        }
    }

    /// <summary>θ̄ ← β θ̄ + (1 − β) θ.</summary>
    public void Update()
    {
        using var _ = no_grad();
        foreach (var (l, a) in _parameters) a.mul_(Decay).add_(l, alpha: 1 - Decay);
        _normalisationStale = true;
    }

    /// <summary>Each batch norm's running mean and variance := those of its input when the averaged G maps the fixed noise.</summary>
    private void RecomputeNormalisation()
    {
        _normalisationStale = false;
        if (_normalisations.Length == 0) return;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var momenta = _normalisations.Select(n => n.momentum).ToArray();
        foreach (var n in _normalisations)
        {
            n.reset_running_stats();
            n.momentum = null;   // a cumulative average: after one batch, exactly that batch's statistics
        }
        _average.train();
        _average.forward(_normalisationNoise);
        _average.eval();
        for (int i = 0; i < _normalisations.Length; i++) _normalisations[i].momentum = momenta[i];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _average.Dispose();
        _normalisationNoise.Dispose();
    }
}
