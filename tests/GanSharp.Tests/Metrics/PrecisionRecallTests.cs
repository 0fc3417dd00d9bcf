using GanSharp.Metrics;
using static TorchSharp.torch;

namespace GanSharp.Tests.Metrics;

public class PrecisionRecallTests
{
    [Fact]
    public void Two_samples_of_the_same_cloud_have_precision_and_recall_near_one()
    {
        var gen = new RandomStream(11);
        using var real = randn(2000, 2, generator: gen);
        using var generated = randn(2000, 2, generator: gen);
        var result = PrecisionRecall.Compute(real, generated);
        Assert.InRange(result.Precision, 0.9, 1.0);
        Assert.InRange(result.Recall, 0.9, 1.0);
    }

    [Fact]
    public void A_cloud_compared_with_itself_has_precision_and_recall_exactly_one()
    {
        using var x = randn(500, 5, generator: new RandomStream(12));
        Assert.Equal(new PrecisionRecall(1, 1), PrecisionRecall.Compute(x, x));
    }

    [Fact]
    public void Disjoint_clouds_have_precision_and_recall_zero()
    {
        var gen = new RandomStream(13);
        using var real = randn(1000, 2, generator: gen);
        using var generated = randn(1000, 2, generator: gen) + 20;
        Assert.Equal(new PrecisionRecall(0, 0), PrecisionRecall.Compute(real, generated));
    }

    [Fact]
    public void A_generator_that_covers_only_the_core_of_the_data_has_high_precision_and_low_recall()
    {
        var gen = new RandomStream(14);
        using var real = randn(2000, 2, generator: gen);
        using var generated = randn(2000, 2, generator: gen) * 0.1;            // the middle of N(0, I) only
        var result = PrecisionRecall.Compute(real, generated);
        Assert.InRange(result.Precision, 0.95, 1.0);
        Assert.InRange(result.Recall, 0.0, 0.25);
    }

    [Fact]
    public void Precision_counts_generated_points_inside_some_real_k_nearest_neighbour_ball()
    {
        // Real points 0, 1, 2, 3 on a line with k = 1: every radius is 1, so the real manifold is [−1, 4].
        // Generated points 0.5, 3.5, 10: two of three inside (precision 2/3). Generated radii (k = 1) are
        // 3, 3, 6.5: the ball of 10 reaches 3.5, so all four real points are covered (recall 1).
        using var real = tensor(new float[] { 0, 1, 2, 3 }).unsqueeze(1);
        using var generated = tensor(new float[] { 0.5f, 3.5f, 10 }).unsqueeze(1);
        var result = PrecisionRecall.Compute(real, generated, k: 1);
        Assert.Equal(2.0 / 3.0, result.Precision, 12);
        Assert.Equal(1.0, result.Recall, 12);
    }

    [Fact]
    public void Precision_and_recall_do_not_depend_on_the_order_of_the_samples()
    {
        var gen = new RandomStream(15);
        using var real = randn(600, 3, generator: gen);
        using var generated = randn(600, 3, generator: gen) * 0.7 + 0.4;
        using var shuffled = generated.index_select(0, randperm(600, generator: gen));
        Assert.Equal(PrecisionRecall.Compute(real, generated), PrecisionRecall.Compute(real, shuffled));
    }

    [Fact]
    public void Chunked_distances_give_the_same_radii_as_one_full_distance_matrix()
    {
        int n = KnnManifold.ChunkRows * 2 + 37;
        using var x = randn(n, 3, generator: new RandomStream(16));
        using var manifold = KnnManifold.Build(x, 3);
        using var full = cdist(x, x).topk(4, dim: 1, largest: false).values.select(1, 3);
        Assert.True(manifold.Radii.allclose(full));
    }

    [Fact]
    public void A_k_nearest_neighbour_manifold_needs_more_points_than_k()
    {
        using var x = zeros(3, 2);
        var error = Assert.Throws<ArgumentException>(() => KnnManifold.Build(x, 3));
        Assert.Contains("more than 3 points", error.Message);
    }
}
