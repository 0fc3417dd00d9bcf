namespace GanSharp.Theory.Experiments;

/// <summary>One claim of GAN theory turned into a measurement.</summary>
public interface ITheoryExperiment
{
    /// <summary>Short identifier for <c>--only</c>, e.g. <c>jsd-bound</c>.</summary>
    string Id { get; }

    /// <summary>Number of the claim (1–12), also accepted by <c>--only</c>.</summary>
    int Number { get; }

    /// <summary>Heading for the report.</summary>
    string Title { get; }

    /// <summary>The claim in one sentence.</summary>
    string Claim { get; }

    /// <summary>Runs the experiment (its quick or full size) and returns what it measured.</summary>
    TheoryResult Run(TheoryContext context);
}
