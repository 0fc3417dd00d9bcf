using System.Globalization;
namespace GanSharp.Theory.Experiments;

/// <summary>Runs the theory experiments in order and writes <c>report.md</c> and <c>theory.json</c>.</summary>
public sealed class TheoryRunner
{
    /// <summary>All twelve experiments, in the order of the claims.</summary>
    public static IReadOnlyList<ITheoryExperiment> All() => new ITheoryExperiment[]
    {
        new MleIsMinKlExperiment(),
        new OptimalDiscriminatorExperiment(),
        new JensenShannonBoundExperiment(),
        new SaturationExperiment(),
        new NonSaturatingObjectiveExperiment(),
        new DisjointSupportsExperiment(),
        new GeneratorStepSizeExperiment(),
        new ModeCollapseExperiment(),
        new EndOfTrainingExperiment(),
        new PriorChoiceExperiment(),
        new WarmStartExperiment(),
        new DiscriminatorFeaturesExperiment(),
        new FDivergenceExperiment(),
        new WassersteinDisjointExperiment(),
    };

    /// <summary>The experiments that <paramref name="only"/> names (an id or a number, comma-separated); all when null or empty.</summary>
    /// <exception cref="ArgumentException">A name matches no experiment; the message lists the known ones.</exception>
    public static IReadOnlyList<ITheoryExperiment> Select(string? only)
    {
        var all = All();
        if (string.IsNullOrWhiteSpace(only)) return all;
        var chosen = new List<ITheoryExperiment>();
        foreach (var name in only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = all.FirstOrDefault(e => e.Id.Equals(name, StringComparison.OrdinalIgnoreCase) || e.Number.ToString(CultureInfo.InvariantCulture) == name)
                ?? throw new ArgumentException($"Unknown theory experiment '{name}'. Known: {string.Join(", ", all.Select(e => $"{e.Number} ({e.Id})"))}.");
            if (!chosen.Contains(match)) chosen.Add(match);
        }
        return chosen.OrderBy(e => e.Number).ToArray();
    }

    /// <summary>Raised when an experiment starts.</summary>
    public event Action<ITheoryExperiment>? ExperimentStarted;

    /// <summary>Raised with the fraction done of the running experiment.</summary>
    public event Action<ITheoryExperiment, double>? ExperimentProgress;

    /// <summary>Raised when an experiment has finished.</summary>
    public event Action<TheoryResult>? ExperimentCompleted;

    /// <summary>Runs <paramref name="experiments"/>, writes the report and the JSON into the output folder, and returns the results.</summary>
    /// <param name="experiments">What to run (see <see cref="Select"/>).</param>
    /// <param name="quick">Small versions.</param>
    /// <param name="outputDirectory">Folder for report.md, theory.json and figures/.</param>
    /// <param name="seed">Base seed.</param>
    /// <param name="command">The command line that made the report, quoted in it.</param>
    public IReadOnlyList<TheoryResult> Run(IReadOnlyList<ITheoryExperiment> experiments, bool quick, string outputDirectory, int seed = 0, string? command = null)
    {
        if (seed < 0) throw new ArgumentException($"The seed must be zero or more (got {seed}).", nameof(seed));
        Directory.CreateDirectory(outputDirectory);
        var results = new List<TheoryResult>();
        foreach (var experiment in experiments)
        {
            ExperimentStarted?.Invoke(experiment);
            var context = new TheoryContext(quick, outputDirectory, seed, f => ExperimentProgress?.Invoke(experiment, f));
            var result = experiment.Run(context);
            results.Add(result);
            // Written after every experiment, so a long run that is stopped keeps what it measured.
            TheoryReportWriter.WriteMarkdown(results, Path.Combine(outputDirectory, "report.md"), quick, command);
            TheoryReportWriter.WriteJson(results, Path.Combine(outputDirectory, "theory.json"), quick);
            ExperimentCompleted?.Invoke(result);
        }
        return results;
    }
}
