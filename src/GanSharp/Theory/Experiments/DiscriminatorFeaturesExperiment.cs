using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Evaluation;
using GanSharp.Models;
using GanSharp.Runs;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Theory.Experiments;

/// <summary>
/// Claim 12: the final D's features make a good classifier. A linear probe (softmax regression) reads D's last hidden layer on
/// Fashion-MNIST, during and at the end of training, against the same probe on randomly initialised discriminators and on raw pixels.
/// </summary>
public sealed class DiscriminatorFeaturesExperiment : TheoryExperiment
{
    private readonly string? _dataDirectory;

    /// <param name="dataDirectory">Where Fashion-MNIST's IDX files are (null: <see cref="FashionMnist.DefaultDirectory"/>).</param>
    public DiscriminatorFeaturesExperiment(string? dataDirectory = null) => _dataDirectory = dataDirectory;

    /// <inheritdoc />
    public override string Id => "d-features";

    /// <inheritdoc />
    public override int Number => 12;

    /// <inheritdoc />
    public override string Title => "Is D still useful at the end? A linear probe on its features";

    /// <inheritdoc />
    public override string Claim => "A final discriminator is not 'broken': a linear probe on its features classifies Fashion-MNIST better than the same probe on a randomly initialised discriminator.";

    /// <summary>Why the experiment cannot run without the data.</summary>
    private string MissingDataReason =>
        $"Needs Fashion-MNIST, which is not in {_dataDirectory ?? FashionMnist.DefaultDirectory} (Debian: apt-get install dataset-fashion-mnist). " +
        "Nothing was run; this experiment does not count for or against the claim.";

    /// <inheritdoc />
    protected override TheoryResult Measure(TheoryContext context)
    {
        if (!FashionMnist.IsInstalled(_dataDirectory)) return Skipped(MissingDataReason);
        using var train = FashionMnist.Load(_dataDirectory, train: true);
        using var test = FashionMnist.Load(_dataDirectory, train: false);
        int features = context.Size(16, 32), batch = context.Size(64, 128);
        int iterations = context.Size(300, 2 * (int)(train.Count / batch));   // full: two epochs
        int probeCount = context.Size(4_000, 10_000), testCount = context.Size(2_000, 10_000);
        var probeOptions = new LinearProbeOptions(Steps: context.Size(150, 300), L2Candidates: new[] { 1e-3, 1e-2, 1e-1 }, Seed: context.Seed);
        int points = context.Size(2, 4);
        int[] probeAt = Enumerable.Range(0, points + 1).Select(i => (int)Math.Round(iterations * (double)i / points)).Distinct().ToArray();

        // The probe is fitted on a fixed random subset of the training images and scored on test images neither the GAN nor the probe saw.
        using var pick = new RandomStream((ulong)RandomStreams.Seed(context.Seed, RandomStreams.Evaluation));
        using var order = randperm(train.Count, generator: pick);
        using var chosen = order.narrow(0, 0, probeCount);
        using var probeImages = train.Images.index_select(0, chosen);
        var probeLabels = chosen.data<long>().Select(i => train.Labels![i]).ToArray();
        using var testImages = test.Images.narrow(0, 0, testCount);
        var testLabels = test.Labels!.Take(testCount).ToArray();
        int classes = FashionMnist.ClassNames.Count;
        LinearProbeResult Probe(Func<Tensor, Tensor> features)
        {
            using var fit = features(probeImages);
            using var held = features(testImages);
            return LinearProbe.Fit(fit, probeLabels, held, testLabels, classes, probeOptions);
        }

        var table = new TheoryTable("features", "training iteration", "epochs seen", "feature length", "λ", "probe train accuracy", "probe test accuracy");
        int steps = probeAt.Length + 2, done = 0;
        var pixels = Probe(x => x.flatten(1));
        table.Add("raw pixels", "–", "–", pixels.FeatureLength, pixels.L2, pixels.TrainAccuracy, pixels.TestAccuracy);
        context.Report((double)++done / steps);

        manual_seed(RandomStreams.Seed(context.Seed + 1, RandomStreams.Weights));
        LinearProbeResult otherRandom;
        using (var fresh = new DcganDiscriminator(new DcganArchitecture(28, 1, TheoryRuns.ImageLatentDim, features)))
            otherRandom = Probe(x => TheoryRuns.DiscriminatorFeatures(fresh, x));
        table.Add("random D (seed + 1)", "–", "–", otherRandom.FeatureLength, otherRandom.L2, otherRandom.TrainAccuracy, otherRandom.TestAccuracy);
        context.Report((double)++done / steps);

        using var trainData = RunData.Images(new ImageDataset(train.Images, null, "Fashion-MNIST"), owned: false);
        using var gan = TheoryRuns.FashionMnist(trainData, features, NoisePrior.Normal, batch, iterations, context.Seed);
        var accuracy = new List<double>();
        LinearProbeResult? initial = null, final = null;
        foreach (int at in probeAt)
        {
            TheoryRuns.TrainUntil(gan, at, it => { if (it % 20 == 0) context.Report((done + (double)it / Math.Max(1, iterations) * (probeAt.Length - 1)) / steps); });
            var r = Probe(x => TheoryRuns.DiscriminatorFeatures((DcganDiscriminator)gan.Trainer.Discriminator, x));
            initial ??= r;
            final = r;
            accuracy.Add(r.TestAccuracy);
            table.Add(at == 0 ? "D at initialisation" : at == iterations ? "final D" : "D during training", at, (double)at * batch / train.Count, r.FeatureLength, r.L2, r.TrainAccuracy, r.TestAccuracy);
        }
        var (figurePath, figure) = context.Figure("12-probe.png");
        new TheoryFigure("Linear probe on D's features (Fashion-MNIST test accuracy)", "training iteration", "probe test accuracy")
            .Line("D during training", probeAt.Select(i => (double)i).ToArray(), accuracy, markers: true)
            .HorizontalLine($"raw pixels ({pixels.TestAccuracy:P1})", pixels.TestAccuracy)
            .HorizontalLine($"random D, other seed ({otherRandom.TestAccuracy:P1})", otherRandom.TestAccuracy)
            .LegendAt(ScottPlot.Alignment.LowerRight)
            .Save(figurePath);
        var (samplesPath, samples) = context.Figure("12-samples.png");
        TheoryRuns.SaveSampleGrid(gan, samplesPath);

        double gain = final!.TestAccuracy - initial!.TestAccuracy;
        // Binomial standard error of the difference of two accuracies on the same testCount images (an upper bound for paired scores).
        double se = Math.Sqrt((final.TestAccuracy * (1 - final.TestAccuracy) + initial.TestAccuracy * (1 - initial.TestAccuracy)) / testCount);
        var checks = new[]
        {
            // Holds when the gain is at least two standard errors: a difference inside the noise of 10,000 test images says nothing.
            new TheoryCheck("final_minus_random_probe_accuracy", $"probe test accuracy, final D − the same D at initialisation, against two binomial SEs of the difference (SE {se:F4})", gain, 2 * se, 0, CheckKind.AtLeast),
        };
        var what = $"{TheoryRuns.Describe(gan.Options)}, trained for {iterations} iterations ({(double)iterations * batch / train.Count:F1} epochs) on the 60,000 training images. " +
                   $"At {probeAt.Length} points of training, D's hidden layers (each max-pooled to 4 × 4 and concatenated as in Radford et al. §5.1: {final.FeatureLength} numbers per image, batch norm in eval mode) are read on {probeCount:N0} training images; " +
                   $"softmax regression (standardised features, {probeOptions.Steps} full-batch Adam steps, lr {probeOptions.LearningRate}, L2 λ picked from {string.Join(", ", probeOptions.L2Values)} on a 20 % validation split) is fitted to them and scored on {testCount:N0} test images. " +
                   "The same probe reads raw pixels and a second randomly initialised D (another seed) for reference.";
        string compared = gain >= 2 * se ? "better than" : gain > 0 ? "not clearly better than" : "no better than";
        var verdict = $"The final D's features give {final.TestAccuracy:P1} test accuracy, {compared} the same D at initialisation ({initial.TestAccuracy:P1}; another random D {otherRandom.TestAccuracy:P1}; raw pixels {pixels.TestAccuracy:P1}). " +
                      $"Difference {gain:+0.0000;-0.0000} against a standard error of about {se:F4}. " +
                      (accuracy.Max() > final.TestAccuracy + 2 * se ? $"The probe peaked during training ({accuracy.Max():P1}) and fell by the end: D's features lost some class information late in training." : "The probe does not fall at the end of training: D keeps its features.");
        return Result(what, new[] { table }, checks, verdict, figure, samples);
    }
}
