using GanSharp.Baselines;
using static TorchSharp.torch;

namespace GanSharp.Tests.Baselines;

public class VaeLossesTests
{
    [Fact]
    public void The_vae_loss_of_two_tiny_images_matches_the_hand_computed_negative_elbo()
    {
        // Two 1 × 1 × 2 images. Intensities y = (x + 1)/2, decoder means p = (x̂ + 1)/2:
        // image 1: y = (1, 0),    p = (0.8, 0.4) → −[log 0.8 + log 0.6]          = 0.2231436 + 0.5108256 = 0.7339692
        // image 2: y = (0.5, 1),  p = (0.5, 0.9) → −[0.5 log 0.5 + 0.5 log 0.5 + log 0.9] = 0.6931472 + 0.1053605 = 0.7985077
        // reconstruction = (0.7339692 + 0.7985077) / 2 = 0.7662384.
        // KL per image: ½ Σ_k (m² + e^{2σ} − 1 − 2σ), one code dimension:
        // image 1: m = 1, σ = 0      → ½ (1 + 1 − 1 − 0)            = 0.5
        // image 2: m = 0, σ = ln 2   → ½ (0 + 4 − 1 − 2 ln 2)       = 0.8068528
        // KL = (0.5 + 0.8068528) / 2 = 0.6534264; −ELBO = 1.4196648.
        using var x = tensor(new float[] { 1, -1, 0, 1 }).reshape(2, 1, 1, 2);
        using var xHat = tensor(new float[] { 0.6f, -0.2f, 0, 0.8f }).reshape(2, 1, 1, 2);
        using var mean = tensor(new float[] { 1, 0 }).reshape(2, 1);
        using var logStd = tensor(new float[] { 0, (float)Math.Log(2) }).reshape(2, 1);
        Assert.Equal(0.7662384, VaeLosses.BernoulliReconstruction(x, xHat).item<float>(), 5);
        Assert.Equal(0.6534264, VaeLosses.KlToStandardNormal(mean, logStd).item<float>(), 5);
        Assert.Equal(1.4196648, VaeLosses.NegativeElbo(x, xHat, mean, logStd).item<float>(), 5);
    }

    [Fact]
    public void The_auto_encoder_loss_is_the_squared_error_per_image()
    {
        // (0.5² + 1²) for image 1, (0² + 2²) for image 2 → (1.25 + 4) / 2 = 2.625.
        using var x = tensor(new float[] { 0.5f, 1, 0, -1 }).reshape(2, 1, 1, 2);
        using var xHat = tensor(new float[] { 0, 0, 0, 1 }).reshape(2, 1, 1, 2);
        Assert.Equal(2.625, VaeLosses.SquaredError(x, xHat).item<float>(), 6);
    }
}
