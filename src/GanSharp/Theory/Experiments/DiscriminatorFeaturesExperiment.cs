namespace GanSharp.Theory.Experiments;

/// <summary>Claim 12: the final D's features make a good classifier — which needs Fashion-MNIST and image models.</summary>
public sealed class DiscriminatorFeaturesExperiment : TheoryExperiment
{
    /// <inheritdoc />
    public override string Id => "d-features";

    /// <inheritdoc />
    public override int Number => 12;

    /// <inheritdoc />
    public override string Title => "Is D still useful at the end? A linear probe on its features";

    /// <inheritdoc />
    public override string Claim => "A final discriminator is not 'broken': a linear probe on its features classifies Fashion-MNIST better than the same probe on a randomly initialised discriminator.";

    /// <inheritdoc />
    protected override TheoryResult Measure(TheoryContext context) =>
        Skipped("Needs image data and models: Fashion-MNIST loading and image GANs come from the images issue, which had not landed on main when the theory lab was built. " +
                "Nothing was run; this experiment does not count for or against the claim.");
}
