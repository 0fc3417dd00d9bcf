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
        Skipped("Needs a trained image GAN: the images work on main brings Fashion-MNIST loaders and DCGAN models but no trained discriminator, and training one did not fit into the theory lab's run. " +
                "Nothing was run; this experiment does not count for or against the claim.");
}
