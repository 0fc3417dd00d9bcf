using GanSharp.Models;
using GanSharp.Tests.Evaluation;
using static TorchSharp.torch;

namespace GanSharp.Tests.Baselines;

public class PixelGaussianMixtureTests
{
    [Fact]
    public void Em_on_images_raises_the_log_likelihood_at_every_iteration()
    {
        var (images, _) = SyntheticImages.Make(240, seed: 4);
        using (images)
        using (var mixture = new PixelGaussianMixture(4, new long[] { 1, 28, 28 }))
        {
            mixture.Initialize(images, new RandomStream(1));
            var logLikelihoods = Enumerable.Range(0, 12).Select(_ => mixture.EmStep(images)).ToArray();
            for (int i = 1; i < logLikelihoods.Length; i++)
                Assert.True(logLikelihoods[i] >= logLikelihoods[i - 1] - 1e-9, $"iteration {i}: {logLikelihoods[i - 1]} → {logLikelihoods[i]}");
            Assert.True(logLikelihoods[^1] > logLikelihoods[0] + 50, $"{logLikelihoods[0]} → {logLikelihoods[^1]}");
            Assert.Equal(1, mixture.LogWeights.exp().sum().item<double>(), 9);
        }
    }

    [Fact]
    public void The_log_joint_matches_the_diagonal_gaussian_density_by_hand()
    {
        // One component, D = 2, μ = (0, 1), v = (1, 4), x = (1, −1): log N = −½ [log(2π) + log(8π) + 1/1 + 4/4] = −½ (log 16π² + 2).
        using var mixture = new PixelGaussianMixture(1, new long[] { 1, 1, 2 });
        mixture.Means.copy_(tensor(new double[,] { { 0, 1 } }));
        mixture.Variances.copy_(tensor(new double[,] { { 1, 4 } }));
        using var x = tensor(new double[,] { { 1, -1 } });
        using var logJoint = mixture.LogJoint(x);
        Assert.Equal(-0.5 * (Math.Log(16 * Math.PI * Math.PI) + 2), logJoint.item<double>(), 10);
    }

    [Fact]
    public void The_first_noise_coordinate_picks_the_component_by_its_weight()
    {
        // Weights (0.25, 0.75): Φ(z₀) < 0.25 (z₀ < −0.674) picks component 0, above it component 1; noise 0 gives the mean itself.
        using var mixture = new PixelGaussianMixture(2, new long[] { 1, 1, 1 });
        mixture.LogWeights.copy_(tensor(new[] { Math.Log(0.25), Math.Log(0.75) }));
        mixture.Means.copy_(tensor(new double[,] { { -0.5 }, { 0.5 } }));
        using var z = tensor(new float[,] { { -1.0f, 0 }, { -0.6f, 0 }, { 2.0f, 0 } });
        using var x = mixture.forward(z);
        Assert.Equal(new[] { -0.5f, 0.5f, 0.5f }, x.flatten().data<float>().ToArray());
    }
}
