using GanSharp.Objectives;
using static TorchSharp.torch;

namespace GanSharp.Tests.Objectives;

public class FeatureMatchingTests
{
    [Fact]
    public void The_loss_is_the_squared_distance_of_the_two_batch_means_averaged_over_features()
    {
        // Means: data (2, 3), generated (2, 1); difference (0, 2); squares (0, 4); averaged over d = 2: 2.
        using var real = tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, new long[] { 2, 2 });
        using var fake = tensor(new[] { 0.0, 0.0, 2.0, 2.0, 4.0, 1.0 }, new long[] { 3, 2 });
        using var loss = FeatureMatching.Loss(real, fake);
        Assert.Equal(2.0, loss.item<double>(), 12);
    }

    [Fact]
    public void Its_gradient_pulls_every_generated_feature_towards_the_data_mean_by_2_delta_over_n_d()
    {
        // ∂/∂f_ij(G(z)) = −2 (μ_j(x) − μ_j(G(z))) / (n d): with n = 3, d = 2 and μ(x) − μ(G(z)) = (0, 2), −4/6 on feature 1, 0 on feature 0.
        using var real = tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, new long[] { 2, 2 });
        using var fake = tensor(new[] { 0.0, 0.0, 2.0, 2.0, 4.0, 1.0 }, new long[] { 3, 2 }).requires_grad_(true);
        FeatureMatching.Loss(real, fake).backward();
        var expected = new[] { 0.0, -4.0 / 6, 0.0, -4.0 / 6, 0.0, -4.0 / 6 };
        var actual = fake.grad!.data<double>().ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 12);
    }

    [Fact]
    public void Batches_with_different_features_are_rejected()
    {
        using var real = zeros(4, 3);
        using var fake = zeros(4, 2);
        var e = Assert.Throws<ArgumentException>(() => FeatureMatching.Loss(real, fake));
        Assert.Contains("[4, 3] and [4, 2]", e.Message);
    }
}
