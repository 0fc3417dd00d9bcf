using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GanSharp.Theory.Experiments;

/// <summary>Shared plumbing of the experiments: timing, and building the result from the parts each one measures.</summary>
public abstract class TheoryExperiment : ITheoryExperiment
{
    /// <inheritdoc />
    public abstract string Id { get; }

    /// <inheritdoc />
    public abstract int Number { get; }

    /// <inheritdoc />
    public abstract string Title { get; }

    /// <inheritdoc />
    public abstract string Claim { get; }

    /// <summary>
    /// Runs the experiment. A libtorch error (<see cref="ExternalException"/>) gets one more try from the start: TorchSharp 0.107.0 can
    /// free a Scalar while libtorch reads it (docs/known-issues.md), which stops a run at random and rarely; every experiment is seeded,
    /// so the second try measures what an undisturbed first one would have, and the report says that it was a second try. Any other
    /// exception, or a second libtorch error, is reported in the experiment's section as a stop.
    /// </summary>
    public TheoryResult Run(TheoryContext context)
    {
        var clock = Stopwatch.StartNew();
        TheoryResult result;
        string? firstStop = null;
        while (true)
        {
            try
            {
                // Start every experiment from the same thread count (one; trainers and probes then pick theirs), so that its numbers
                // are the same whether it runs alone (--only) or after others: the thread count changes the rounding of large sums.
                Runtime.ThreadPolicy.ApplyForFlops(0);
                result = Measure(context);
                if (firstStop is not null)
                    result = result with { WhatWasRun = $"{result.WhatWasRun} (Second try: the first stopped with {firstStop}, the libtorch race of docs/known-issues.md; the experiment is seeded, so this try's numbers are an undisturbed run's.)" };
                break;
            }
            catch (ExternalException e) when (firstStop is null)
            {
                firstStop = Describe(e);
                context.Report(0);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A native, numerical or data failure is reported in this experiment's section, not a reason to lose the other experiments.
                string why = Describe(e);
                if (firstStop is not null) why = $"{why}; the first try had stopped with {firstStop}";
                var failure = new TheoryCheck("completed", $"the experiment ran to the end (it stopped: {why})", 0, 1, 0);
                result = Result("The experiment stopped before it finished.", Array.Empty<TheoryTable>(), new[] { failure }, $"Stopped: {why}");
                break;
            }
        }
        context.Report(1);
        return result with { Seconds = clock.Elapsed.TotalSeconds };
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}";

    /// <summary>Runs the measurement.</summary>
    protected abstract TheoryResult Measure(TheoryContext context);

    /// <summary>A result of this experiment.</summary>
    protected TheoryResult Result(string whatWasRun, IReadOnlyList<TheoryTable> tables, IReadOnlyList<TheoryCheck> checks, string verdict, params string[] figures) =>
        new(Id, Number, Title, Claim, whatWasRun, tables, checks, verdict, figures);

    /// <summary>A result that records why the experiment was skipped.</summary>
    protected TheoryResult Skipped(string reason) =>
        new(Id, Number, Title, Claim, "Not run.", Array.Empty<TheoryTable>(), Array.Empty<TheoryCheck>(), reason, Array.Empty<string>(), reason);
}
