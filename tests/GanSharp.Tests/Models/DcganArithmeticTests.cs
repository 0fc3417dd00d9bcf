using GanSharp.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GanSharp.Tests.Models;

/// <summary>
/// G and D computed in float32, as training runs them, against the same networks in float64: libtorch's float32 CPU convolutions
/// were wrong on this project's machines for some DCGAN shapes (docs/known-issues.md), silently, so the whole networks are checked.
/// </summary>
public class DcganArithmeticTests
{
    [Theory]
    [InlineData(28, 1, 4)]
    [InlineData(28, 1, 8)]
    [InlineData(32, 3, 8)]
    [InlineData(64, 3, 64)]
    public void The_float32_networks_and_their_gradients_agree_with_float64(int size, int channels, int features)
    {
        manual_seed(11);
        var architecture = new DcganArchitecture(size, channels, 16, features);
        using var g = new DcganGenerator(architecture);
        using var d = new DcganDiscriminator(architecture);
        using var g64 = new DcganGenerator(architecture);
        using var d64 = new DcganDiscriminator(architecture);
        g64.load_state_dict(g.state_dict());
        d64.load_state_dict(d.state_dict());
        g64.to(float64);
        d64.to(float64);
        var z = randn(4, 16);

        // L = mean(D(G(z))) + mean(D(x)): G's output, D's logits, and every parameter's gradient
        var x = randn(4, channels, size, size).clamp(-1, 1);
        var fake = g.forward(z);
        var loss = d.forward(fake).mean() + d.forward(x).mean();
        loss.backward();
        var fake64 = g64.forward(z.to_type(float64));
        var loss64 = d64.forward(fake64).mean() + d64.forward(x.to_type(float64)).mean();
        loss64.backward();

        Assert.True(RelativeError(fake, fake64) < 1e-4, $"G(z): relative error {RelativeError(fake, fake64):G3}");
        Assert.True(RelativeError(loss, loss64) < 1e-4, $"L: relative error {RelativeError(loss, loss64):G3}");
        foreach (var ((name, p), (_, p64)) in g.named_parameters().Zip(g64.named_parameters()).Concat(d.named_parameters().Zip(d64.named_parameters())))
            Assert.True(RelativeError(p.grad!, p64.grad!) < 1e-3, $"∂L/∂{name}: relative error {RelativeError(p.grad!, p64.grad!):G3}");
    }

    /// <summary>max |a − b| / max |b|.</summary>
    private static double RelativeError(Tensor a, Tensor b) =>
        (a.to_type(float64) - b).abs().max().item<double>() / Math.Max(b.abs().max().item<double>(), 1e-12);
}
