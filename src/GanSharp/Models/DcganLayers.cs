using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>Layer stacks shared by the DCGAN discriminator and the auto-encoders' encoder.</summary>
public static class DcganLayers
{
    /// <summary>
    /// The strided half of a DCGAN discriminator (Radford et al. 2016): [m, C, S, S] → [m, F·2^(L−1), b, b], named <c>down{i}</c>,
    /// <c>bn{i}</c> (not on the input layer, Radford et al. §3) and <c>lrelu{i}</c> (LeakyReLU(0.2)). With spectral normalisation
    /// there is no batch norm (Miyato et al. 2018's CNN discriminator has none): batch norm over a batch of only real or only
    /// generated images removes what all images of that batch share (a colour shift, how often each class comes), so D cannot
    /// see it; a normalised D judges each image on its own.
    /// </summary>
    /// <param name="a">Image size, channels and features.</param>
    /// <param name="spectralNorm">Spectral normalisation of every convolution (<see cref="SpectralNorm"/>; Miyato et al. 2018), in place of batch norm.</param>
    /// <param name="pack">PacGAN: the input is a pack of this many images concatenated along channels, [m, pack·C, S, S].</param>
    public static List<(string, Module<Tensor, Tensor>)> Downsampling(DcganArchitecture a, bool spectralNorm = false, int pack = 1)
    {
        int levels = a.Upsamplings;
        var layers = new List<(string, Module<Tensor, Tensor>)>
        {
            // [m, C, S, S] → [m, F, S/2, S/2]
            ("down0", Mlp.Normalised(Conv2d(a.Channels * pack, a.WidthAt(levels - 1), kernel_size: 4, stride: 2, padding: 1, bias: false), spectralNorm)),
            ("lrelu0", LeakyReLU(0.2)),
        };
        for (int i = 1; i < levels; i++)
        {
            // [m, F·2^(i−1), s, s] → [m, F·2^i, s/2, s/2]
            layers.Add(($"down{i}", Mlp.Normalised(Conv2d(a.WidthAt(levels - i), a.WidthAt(levels - 1 - i), kernel_size: 4, stride: 2, padding: 1, bias: false), spectralNorm)));
            if (!spectralNorm) layers.Add(($"bn{i}", BatchNorm2d(a.WidthAt(levels - 1 - i))));
            layers.Add(($"lrelu{i}", LeakyReLU(0.2)));
        }
        return layers;
    }
}
