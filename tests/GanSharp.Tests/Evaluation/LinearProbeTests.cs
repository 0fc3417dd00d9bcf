using GanSharp.Data;
using GanSharp.Evaluation;
using GanSharp.Tests.Data;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

public class LinearProbeTests
{
    /// <summary>n points of C classes: class means on the axes (scaled by <paramref name="separation"/>) plus unit Gaussian noise in d dimensions.</summary>
    private static (Tensor Features, int[] Labels) Blobs(int n, int classes, int d, double separation, int seed)
    {
        using var g = new RandomStream((ulong)seed);
        var labels = Enumerable.Range(0, n).Select(i => i % classes).ToArray();
        using var scope = NewDisposeScope();
        var onehot = nn.functional.one_hot(tensor(labels.Select(l => (long)l).ToArray()), d).to_type(float32);   // [n, d], class c on axis c
        var x = randn(new long[] { n, d }, generator: g) + separation * onehot;
        return (x.MoveToOuterDisposeScope(), labels);
    }

    [Fact]
    public void Well_separated_classes_are_classified_almost_perfectly_on_held_out_points()
    {
        var (train, y) = Blobs(600, 4, 10, 6.0, 1);
        var (test, yTest) = Blobs(400, 4, 10, 6.0, 2);
        using (train) using (test)
        {
            var r = LinearProbe.Fit(train, y, test, yTest, 4);
            Assert.True(r.TestAccuracy > 0.97, $"test accuracy {r.TestAccuracy}");
            Assert.Equal(10, r.FeatureLength);
        }
    }

    [Fact]
    public void Overlapping_classes_reach_the_bayes_rate_and_not_more()
    {
        // Two classes, means ±1 on the first axis, unit noise: the Bayes classifier sign(x₁) is right with probability Φ(1) = 0.8413.
        using var g = new RandomStream(3);
        int n = 4000;
        var labels = Enumerable.Range(0, 2 * n).Select(i => i % 2).ToArray();
        using var sign = tensor(labels.Select(l => l == 1 ? 1f : -1f).ToArray());
        using var x = randn(new long[] { 2 * n, 3 }, generator: g);
        x[TensorIndex.Colon, 0] += sign;
        using var train = x.narrow(0, 0, n);
        using var test = x.narrow(0, n, n);
        var r = LinearProbe.Fit(train, labels.Take(n).ToArray(), test, labels.Skip(n).ToArray(), 2);
        // Binomial SE of an accuracy near 0.84 on 4,000 points is 0.006.
        Assert.InRange(r.TestAccuracy, 0.8413 - 0.02, 0.8413 + 0.02);
    }

    [Fact]
    public void Random_labels_give_chance_accuracy_on_held_out_points()
    {
        using var g = new RandomStream(4);
        using var train = randn(new long[] { 1000, 20 }, generator: g);
        using var test = randn(new long[] { 2000, 20 }, generator: g);
        var rng = new Random(5);
        var y = Enumerable.Range(0, 1000).Select(_ => rng.Next(5)).ToArray();
        var yTest = Enumerable.Range(0, 2000).Select(_ => rng.Next(5)).ToArray();
        var r = LinearProbe.Fit(train, y, test, yTest, 5);
        Assert.InRange(r.TestAccuracy, 0.2 - 0.04, 0.2 + 0.04);   // SE 0.009
        Assert.True(r.TrainAccuracy > r.TestAccuracy, "the fit memorises some noise");
    }

    [Fact]
    public void The_penalty_is_picked_from_the_candidates_and_a_single_candidate_is_used_as_it_is()
    {
        var (train, y) = Blobs(300, 3, 50, 1.0, 6);
        var (test, yTest) = Blobs(300, 3, 50, 1.0, 7);
        using (train) using (test)
        {
            var picked = LinearProbe.Fit(train, y, test, yTest, 3, new LinearProbeOptions(Steps: 100, L2Candidates: new[] { 1e-4, 1e-1 }));
            Assert.Contains(picked.L2, new[] { 1e-4, 1e-1 });
            var fixedL2 = LinearProbe.Fit(train, y, test, yTest, 3, new LinearProbeOptions(Steps: 100, L2Candidates: new[] { 0.5 }));
            Assert.Equal(0.5, fixedL2.L2);
            var again = LinearProbe.Fit(train, y, test, yTest, 3, new LinearProbeOptions(Steps: 100, L2Candidates: new[] { 0.5 }));
            Assert.Equal(fixedL2.TestAccuracy, again.TestAccuracy);
            Assert.Equal(fixedL2.FinalLoss, again.FinalLoss);
        }
    }

    [FashionMnistFact]
    public void The_fit_does_not_depend_on_the_thread_count_that_earlier_work_left_behind()
    {
        // Experiment 12's pixel probe (10,000 × 784, 10 classes): one and two threads round its sums differently, and the fit carries that on.
        using var images = FashionMnist.Load(train: true);
        using var x = images.Images.narrow(0, 0, 10_000).flatten(1);
        var y = images.Labels!.Take(10_000).ToArray();
        var options = new LinearProbeOptions(Steps: 30, L2Candidates: new[] { 1e-2 });
        GanSharp.Runtime.ThreadPolicy.ApplyForFlops(1);     // as after a toy GAN: one thread
        var afterSmall = LinearProbe.Fit(x, y, x, y, 10, options);
        GanSharp.Runtime.ThreadPolicy.ApplyForFlops(1e12);  // as after a DCGAN: every core
        var afterLarge = LinearProbe.Fit(x, y, x, y, 10, options);
        Assert.Equal(afterSmall.FinalLoss, afterLarge.FinalLoss);
    }

    [Fact]
    public void Bad_input_is_refused_with_a_message_that_names_it()
    {
        using var x = randn(10, 3);
        using var other = randn(10, 4);
        var y = Enumerable.Range(0, 10).Select(i => i % 2).ToArray();
        Assert.Contains("4 fitting labels for 10", Assert.Throws<ArgumentException>(() => LinearProbe.Fit(x, y.Take(4).ToArray(), x, y, 2)).Message);
        Assert.Contains("length 4", Assert.Throws<ArgumentException>(() => LinearProbe.Fit(x, y, other, y, 2)).Message);
        Assert.Contains("outside 0 … 1", Assert.Throws<ArgumentException>(() => LinearProbe.Fit(x, y.Select(l => l + 1).ToArray(), x, y, 2)).Message);
        Assert.Contains("steps must be at least 1", Assert.Throws<ArgumentException>(() => LinearProbe.Fit(x, y, x, y, 2, new LinearProbeOptions(Steps: 0))).Message);
    }
}
