using GanSharp.Distributions;
using GanSharp.Models;
using GanSharp.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Theory.Experiments;

/// <summary>
/// D against a fixed generator in 1D or 2D: seeded sampling of P_data and P_G, a fresh MLP D, its training,
/// and held-out samples on which V is estimated. Experiments 2, 3 and 6 share it.
/// </summary>
public sealed class FixedGeneratorSetup : IDisposable
{
    private readonly RandomStream _train;

    /// <param name="data">P_data.</param>
    /// <param name="model">P_G (for an affine G on a Gaussian prior, the Gaussian it pushes forward).</param>
    /// <param name="seed">Seed of the training and held-out streams and of D's weights.</param>
    /// <param name="heldOut">Held-out samples of each distribution for the estimate of V.</param>
    public FixedGeneratorSetup(ITargetDistribution data, ITargetDistribution model, long seed, int heldOut)
    {
        Data = data;
        Model = model;
        Seed = seed;
        _train = new RandomStream((ulong)RandomStreams.Seed(seed, RandomStreams.Data));
        using var evaluation = new RandomStream((ulong)RandomStreams.Seed(seed, RandomStreams.Preview));
        HeldOutReal = data.Sample(heldOut, evaluation);
        HeldOutFake = model.Sample(heldOut, evaluation);
    }

    /// <summary>P_data.</summary>
    public ITargetDistribution Data { get; }

    /// <summary>P_G.</summary>
    public ITargetDistribution Model { get; }

    /// <summary>Seed of this setup.</summary>
    public long Seed { get; }

    /// <summary>Held-out samples of P_data, [n, d].</summary>
    public Tensor HeldOutReal { get; }

    /// <summary>Held-out samples of P_G, [n, d].</summary>
    public Tensor HeldOutFake { get; }

    /// <summary>A fresh D of the given shape (seeded), trained against the fixed P_G.</summary>
    public MlpDiscriminator TrainDiscriminator(MlpOptions shape, DiscriminatorFitOptions fit)
    {
        var d = DiscriminatorFitting.NewDiscriminator(Data.Dimension, shape, Seed);
        DiscriminatorFitting.Fit(d, m => Data.Sample(m, _train), m => Model.Sample(m, _train), fit);
        return d;
    }

    /// <summary>JSD_est = (V + 2 log 2)/2 of <paramref name="discriminator"/> on the held-out samples.</summary>
    public Estimate JensenShannonLowerBound(Module<Tensor, Tensor> discriminator) =>
        DiscriminatorFitting.JensenShannonLowerBound(discriminator, HeldOutReal, HeldOutFake);

    /// <inheritdoc />
    public void Dispose()
    {
        _train.Dispose();
        HeldOutReal.Dispose();
        HeldOutFake.Dispose();
    }
}
