using GanSharp.Tests.Data;
using GanSharp.Theory.Experiments;

namespace GanSharp.Tests.Theory;

/// <summary>The quick version of experiment 12 on the real Fashion-MNIST: probes on pixels, random Ds and D during training.</summary>
public class DiscriminatorFeaturesExperimentTests
{
    [FashionMnistFact]
    public void Quick_run_probes_pixels_random_discriminators_and_the_trained_one_and_draws_both_figures()
    {
        using var folder = new TempDirectory();
        var r = new DiscriminatorFeaturesExperiment().Run(new TheoryContext(true, folder.Path, Seed: 0));
        Assert.Null(r.SkippedBecause);
        var rows = r.Tables.Single().Rows;
        // raw pixels, another random D, then D at iterations 0, 150, 300
        Assert.Equal(new[] { "raw pixels", "random D (seed + 1)", "D at initialisation", "D during training", "final D" }, rows.Select(row => row[0]));
        double Accuracy(int row) => double.Parse(rows[row][^1], System.Globalization.CultureInfo.InvariantCulture);
        // A linear classifier on Fashion-MNIST pixels is known to reach about 84 %; on 4,000 training images somewhat less.
        Assert.InRange(Accuracy(0), 0.78, 0.88);
        for (int i = 1; i < rows.Count; i++) Assert.InRange(Accuracy(i), 0.75, 0.95);
        var check = r.Checks.Single();
        Assert.Equal("final_minus_random_probe_accuracy", check.Name);
        Assert.Equal(Accuracy(4) - Accuracy(2), check.Measured, 3);
        foreach (var figure in r.Figures) Assert.True(new FileInfo(Path.Combine(folder.Path, figure)).Length > 1000, figure);
        Assert.Equal(2, r.Figures.Count);
    }
}
