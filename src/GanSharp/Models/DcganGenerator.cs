using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>
/// DCGAN generator (Radford et al. 2016): z ↦ image through transposed convolutions, batch norm and ReLU, with a tanh output in (−1, 1).
/// </summary>
/// <remarks>
/// For 64 pixels, F features: z [m, nz] → [m, nz, 1, 1] → 8F × 4 × 4 → 4F × 8 × 8 → 2F × 16 × 16 → F × 32 × 32 → C × 64 × 64.
/// For 32: → 4F × 4 × 4 → 2F × 8 × 8 → F × 16 × 16 → C × 32 × 32. For 28: → 2F × 7 × 7 → F × 14 × 14 → C × 28 × 28.
/// Parameter names: <c>net.project</c> (a transposed convolution nz → F·2^(L−1) whose kernel is the base grid, <see cref="FullFrameTransposedConvolution"/>), <c>net.bn0</c>;
/// <c>net.up{i}</c> (ConvTranspose2d, kernel 4, stride 2, padding 1) with <c>net.bn{i}</c> for i = 1 … L−1; <c>net.out</c> (to C channels).
/// Convolutions have no bias (batch norm follows them), except <c>net.out</c>.
/// </remarks>
public sealed class DcganGenerator : Module<Tensor, Tensor>
{
    private readonly Sequential net;

    /// <param name="architecture">Image size (28, 32 or 64), channels, latent dimension, features F.</param>
    public DcganGenerator(DcganArchitecture architecture) : base(nameof(DcganGenerator))
    {
        architecture.EnsureValid();
        Architecture = architecture;
        var a = architecture;
        int levels = a.Upsamplings;
        var layers = new List<(string, Module<Tensor, Tensor>)>
        {
            // [m, nz, 1, 1] → [m, F·2^(L−1), b, b], b = base side
            ("project", new FullFrameTransposedConvolution(a.LatentDim, a.WidthAt(0), a.BaseSide)),
            ("bn0", BatchNorm2d(a.WidthAt(0))),
            ("relu0", ReLU()),
        };
        for (int i = 1; i < levels; i++)
        {
            // [m, F·2^(L−i), s, s] → [m, F·2^(L−1−i), 2s, 2s]
            layers.Add(($"up{i}", ConvTranspose2d(a.WidthAt(i - 1), a.WidthAt(i), kernel_size: 4, stride: 2, padding: 1, bias: false)));
            layers.Add(($"bn{i}", BatchNorm2d(a.WidthAt(i))));
            layers.Add(($"relu{i}", ReLU()));
        }
        // [m, F, S/2, S/2] → [m, C, S, S]
        layers.Add(("out", ConvTranspose2d(a.WidthAt(levels - 1), a.Channels, kernel_size: 4, stride: 2, padding: 1)));
        layers.Add(("tanh", Tanh()));
        net = Sequential(layers);
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Image size, channels, latent dimension and features.</summary>
    public DcganArchitecture Architecture { get; }

    /// <summary>z [m, nz] ↦ x [m, C, S, S] in (−1, 1).</summary>
    public override Tensor forward(Tensor z)
    {
        using var scope = NewDisposeScope();
        var x = net.forward(z.reshape(z.shape[0], z.shape[1], 1, 1));   // [m, nz] → [m, nz, 1, 1] → [m, C, S, S]
        return x.MoveToOuterDisposeScope();
    }
}
