using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>
/// DCGAN discriminator (Radford et al. 2016): strided convolutions, batch norm (not on the first layer) and LeakyReLU(0.2);
/// returns the logit l(x) [m], D(x) = σ(l), as <see cref="Objectives.GanLosses"/> expects.
/// </summary>
/// <remarks>
/// For 64 pixels, F features: C × 64 × 64 → F × 32 × 32 → 2F × 16 × 16 → 4F × 8 × 8 → 8F × 4 × 4 → 1 × 1 × 1 → [m].
/// For 32: → F × 16 × 16 → 2F × 8 × 8 → 4F × 4 × 4 → 1. For 28: → F × 14 × 14 → 2F × 7 × 7 → 1.
/// Parameter names: <c>net.down{i}</c> (Conv2d, kernel 4, stride 2, padding 1) for i = 0 … L−1, <c>net.bn{i}</c> for i ≥ 1;
/// <c>net.mbstd</c> with a minibatch standard deviation channel; <c>net.logit</c> (a convolution to 1 channel whose kernel covers the
/// base grid, <see cref="FullFrameConvolution"/>).
/// </remarks>
public sealed class DcganDiscriminator : Module<Tensor, Tensor>, IHiddenFeatures
{
    private readonly Sequential net;

    /// <param name="architecture">Image size (28, 32 or 64), channels and features F (its latent dimension is not used).</param>
    /// <param name="spectralNorm">Spectral normalisation of every convolution (<see cref="SpectralNorm"/>; Miyato et al. 2018).</param>
    /// <param name="pack">PacGAN: D takes packs of this many images concatenated along channels, [m, pack·C, S, S].</param>
    /// <param name="minibatchStd">A <see cref="MinibatchStdDev"/> channel before the logit (Karras et al. 2018): the batch's spread.</param>
    public DcganDiscriminator(DcganArchitecture architecture, bool spectralNorm = false, int pack = 1, bool minibatchStd = false) : base(nameof(DcganDiscriminator))
    {
        architecture.EnsureValid();
        Architecture = architecture;
        var a = architecture;
        var layers = DcganLayers.Downsampling(a, spectralNorm, pack);
        // [m, F·2^(L−1), b, b] → [m, F·2^(L−1) + 1, b, b]
        if (minibatchStd) layers.Add(("mbstd", new MinibatchStdDev()));
        // [m, F·2^(L−1) (+ 1), b, b] → [m, 1, 1, 1]
        layers.Add(("logit", Mlp.Normalised(new FullFrameConvolution(a.WidthAt(0) + (minibatchStd ? 1 : 0), 1, a.BaseSide), spectralNorm)));
        net = Sequential(layers);
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Image size, channels and features.</summary>
    public DcganArchitecture Architecture { get; }

    /// <summary>Side of the grid each hidden layer is max-pooled to by <see cref="Features"/>.</summary>
    public const int FeatureGrid = 4;

    /// <summary>Length of <see cref="Features"/>' rows: (F + 2F + … + F·2^(L−1)) channels × 4 × 4.</summary>
    public long FeatureLength => Enumerable.Range(0, Architecture.Upsamplings).Sum(level => (long)Architecture.WidthAt(level)) * FeatureGrid * FeatureGrid;

    /// <summary>
    /// x [m, C, S, S] ↦ D's features [m, <see cref="FeatureLength"/>] for a linear probe, as Radford et al. (2016, §5.1) read a DCGAN
    /// discriminator: every hidden layer's activations (after its LeakyReLU) max-pooled to a 4 × 4 grid, flattened and concatenated.
    /// Batch norm runs in the module's current mode; call <c>eval()</c> first for features that do not depend on the rest of the batch.
    /// </summary>
    public Tensor Features(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = x;
        var pooled = new List<Tensor>();
        foreach (var (name, layer) in net.named_children())
        {
            if (name == "logit") break;
            h = ((Module<Tensor, Tensor>)layer).forward(h);
            // [m, c, s, s] → [m, c, 4, 4] → [m, 16c]
            if (name.StartsWith("lrelu", StringComparison.Ordinal))
                pooled.Add(functional.adaptive_max_pool2d(h, new long[] { FeatureGrid, FeatureGrid }).flatten(1));
        }
        return cat(pooled, 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// x [m, C, S, S] ↦ (logits [m], the last hidden layer [m, F·2^(L−1)·b·b]): the activations after the last LeakyReLU, before any
    /// minibatch standard deviation channel and the logit, as feature matching reads them.
    /// </summary>
    public (Tensor Logits, Tensor Hidden) ForwardWithHidden(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = x;
        Tensor hidden = null!;
        foreach (var (name, layer) in net.named_children())
        {
            if (name is "mbstd" or "logit") hidden ??= h.flatten(1);   // [m, c, b, b] → [m, c·b·b]
            h = ((Module<Tensor, Tensor>)layer).forward(h);
        }
        return (h.flatten().MoveToOuterDisposeScope(), hidden.MoveToOuterDisposeScope());
    }

    /// <summary>x [m, C, S, S] ↦ logits [m].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return net.forward(x).flatten().MoveToOuterDisposeScope();   // [m, 1, 1, 1] → [m]
    }
}
