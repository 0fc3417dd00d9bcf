using System.Globalization;
using GanSharp.Metrics;
using GanSharp.Runs;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>
/// Runs a <see cref="GanRun"/> behind a progress display (a bar in a terminal, one plain line per scoring or sample grid when the output
/// is redirected) and sums it up in a table.
/// </summary>
internal static class RunPresenter
{
    /// <summary>Below this terminal width the bar drops its remaining-time column, so the status line does not wrap.</summary>
    private const int WideTerminal = 100;

    /// <summary>Columns a line may take when the output is not a terminal.</summary>
    private const int LogLineWidth = 240;

    public static int Run(IAnsiConsole console, Func<GanRun> open, CancellationToken cancel)
    {
        // Ctrl-C or SIGTERM: finish the iteration, write a checkpoint and the outputs; a second signal ends the process at once.
        using var signals = new StopSignals(cancel);
        cancel = signals.Token;
        // Redirected to a file or a pipe, Spectre would wrap every line at 80 columns, mid-word: a log line stays whole instead.
        if (!console.Profile.Capabilities.Interactive) console.Profile.Width = Math.Max(console.Profile.Width, LogLineWidth);
        using var run = open();
        var o = run.Options;
        bool baseline = BaselineModels.IsBaseline(o.Model);
        console.MarkupLine(Markup.Escape(Introduction(run)));
        if (run.Iteration > 0) console.MarkupLine(Invariant($"Continuing from iteration {run.Iteration:N0}."));
        foreach (var skipped in run.Data.Skipped) console.MarkupLine($"[yellow]Skipped[/] {Markup.Escape(skipped.Path)}: {Markup.Escape(skipped.Reason)}");
        run.FdMeasured += (iteration, fd, isBest) =>
            console.MarkupLine(Invariant($"FD at iteration {iteration:N0}: [bold]{fd:F3}[/]{(isBest ? " (best so far, saved as checkpoints/best.gsckpt)" : "")}"));

        ModeReport? latest = run.LatestModes;
        RunProgress? last = null;
        run.ModesScored += (_, modes) => latest = modes;
        RunResult result = null!;
        if (console.Profile.Capabilities.Interactive)
        {
            var columns = console.Profile.Width >= WideTerminal
                ? new ProgressColumn[] { new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn() }
                : new ProgressColumn[] { new TaskDescriptionColumn { Alignment = Justify.Left }, new PercentageColumn() };
            TrainingThreadProgress.Show(console, columns, (context, display) =>
            {
                var task = context.AddTask("starting", maxValue: Math.Max(1, run.TotalIterations));
                task.Value = run.Iteration;
                run.Progress += p =>
                {
                    last = p;
                    task.Value = p.Iteration;
                    if (p.Iteration % 10 == 0 || p.Iteration == p.TotalIterations) task.Description = Markup.Escape(Describe(p, latest, baseline));
                    display.Tick();
                };
                result = run.Run(cancel);
                // The final scoring comes after the last iteration: show its numbers, not the previous scoring's.
                if (last is not null) task.Description = Markup.Escape(Describe(last, latest, baseline));
                task.Value = run.Iteration;
                display.Redraw();
            });
        }
        else
        {
            // Redirected output (logs, CI): one plain line per scoring (points) or sample grid (images).
            int every = Math.Max(1, o.FramesEvery is > 0 ? o.FramesEvery.Value : o.SampleEvery ?? Math.Max(1, run.TotalIterations / 10));
            run.Progress += p =>
            {
                last = p;
                if (p.Iteration % every == 0 && p.Iteration != p.TotalIterations) console.WriteLine(Describe(p, latest, baseline));
            };
            result = run.Run(cancel);
            // The last line after the final scoring, so that it shows the numbers of the table below.
            if (last is not null) console.WriteLine(Describe(last, latest, baseline));
        }

        console.Write(Summary(run, result));
        if (!result.Completed)
            console.MarkupLine(Invariant($"[yellow]Stopped at iteration {result.Iteration:N0} of {result.TotalIterations:N0}.[/] The outputs describe what was done; continue with: gansharp train --resume {Markup.Escape(run.Directory ?? "")}"));
        // A stopped run has written its outputs, but did not finish: scripts see the interruption (130 after Ctrl-C, 143 after SIGTERM).
        return result.Ending == RunEnding.Cancelled ? signals.StoppedExitCode : 0;
    }

    private static string Introduction(GanRun run)
    {
        var o = run.Options;
        string data = run.Data.Dataset is { } images
            ? Invariant($"{images.Description}: {images.Count:N0} images {o.Channels}×{o.ImageSize}×{o.ImageSize}{(run.Data.FromCache ? " (decoded cache)" : "")}, {o.Epochs} epochs")
            : run.Data.Description;
        string game = BaselineModels.IsBaseline(o.Model) ? "baseline (docs/baselines.md)" : Invariant($"{SettingNames.Name(o.Objective)}, k = {o.K}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{(run.Iteration > 0 ? "Resuming" : "Training")} {SettingNames.Name(o.Model).ToUpperInvariant()} on {data}: {game}, " +
            $"{SettingNames.Name(o.Prior)} prior, {run.TotalIterations:N0} iterations of {o.BatchSize}, seed {o.Seed}, {o.Threads} thread(s) → {run.Directory}");
    }

    /// <summary>A short status: it fits an 80-column terminal beside the percentage.</summary>
    private static string Describe(RunProgress p, ModeReport? modes, bool baseline)
    {
        var s = p.Stats;
        // A baseline has no discriminator: its one number is its loss (−ELBO, squared error, or −log-likelihood per image for EM).
        if (baseline) return Invariant($"it {p.Iteration}/{p.TotalIterations} loss {s.GeneratorLoss:F3}");
        string head = p.Epoch is { } epoch ? Invariant($"ep {epoch}/{p.Epochs} ") : "";
        string tail = modes is not null
            ? Invariant($" modes {modes.ModesCaptured}/{modes.ModesTotal} HQ {modes.HighQualityFraction:P0}")
            : p.Epoch is not null ? Invariant($" {p.SamplesPerSecond:F0} img/s") : "";
        return Invariant($"{head}it {p.Iteration}/{p.TotalIterations} D {s.DiscriminatorLoss:F3} G {s.GeneratorLoss:F3} D(x) {s.MeanDReal:F2} D(G(z)) {s.MeanDFake:F2}{tail}");
    }

    private static Table Summary(GanRun run, RunResult result)
    {
        var table = new Table().AddColumn("result").AddColumn("value");
        if (result.FinalModes is { } m)
        {
            table.AddRow("modes captured", Invariant($"{m.ModesCaptured} / {m.ModesTotal}"));
            table.AddRow("high-quality samples", Invariant($"{m.HighQualityFraction:P1}"));
            table.AddRow("reverse KL (nats)", m.ReverseKl is { } kl ? Invariant($"{kl:F4}") : "–");
        }
        if (run.Observer<FdTracker>()?.Best is { } best)
            table.AddRow("best FD", Markup.Escape(Invariant($"{best.Fd:F3} at iteration {best.Iteration:N0} ({run.Observer<FdTracker>()!.BestPath})")));
        table.AddRow("iterations", Invariant($"{result.Iteration:N0} of {result.TotalIterations:N0}"));
        table.AddRow("seconds", Invariant($"{result.Seconds:F1}"));
        table.AddRow(run.Data.Kind == DataKind.Images ? "images per second" : "samples per second", Invariant($"{result.SamplesPerSecond:F0}"));
        if (run.Observer<SampleGrids>()?.LastPath is { } grid) table.AddRow("last sample grid", Markup.Escape(grid));
        if (run.Observer<Checkpointing>()?.LastPath is { } checkpoint) table.AddRow("checkpoint", Markup.Escape(checkpoint));
        table.AddRow("outputs", Markup.Escape(run.Directory + Path.DirectorySeparatorChar));
        return table;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
