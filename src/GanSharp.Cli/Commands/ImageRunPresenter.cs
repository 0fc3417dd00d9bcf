using GanSharp.Training;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>Runs an <see cref="ImageRun"/> behind a progress bar (epoch, iteration, losses, images per second) and reports where things went.</summary>
internal static class ImageRunPresenter
{
    public static int Run(IAnsiConsole console, Func<ImageRun> open, CancellationToken cancel)
    {
        // Ctrl-C or SIGTERM: finish the iteration, write a checkpoint, exit normally; a second signal ends the process at once.
        using var signals = new StopSignals(cancel);
        cancel = signals.Token;
        using var run = open();
        var o = run.Options;
        console.MarkupLine(
            $"{(run.Iteration > 0 ? "Resuming" : "Training")} [bold]{o.Model.ToString().ToUpperInvariant()}[/] on [bold]{Markup.Escape(run.DataDescription)}[/]: " +
            $"{run.ImageCount:N0} images {o.Channels}×{o.ImageSize}×{o.ImageSize}{(run.DataFromCache ? " (decoded cache)" : "")}, " +
            $"{run.TotalIterations:N0} iterations of {o.BatchSize} ({o.Epochs} epochs{(o.MaxIterations is null ? "" : ", capped by --max-iterations")}), " +
            $"seed {o.Seed} → [bold]{Markup.Escape(run.RunDirectory)}[/]");
        if (run.Iteration > 0) console.MarkupLine($"Continuing from iteration {run.Iteration:N0}.");
        foreach (var skipped in run.Skipped) console.MarkupLine($"[yellow]Skipped[/] {Markup.Escape(skipped.Path)}: {Markup.Escape(skipped.Reason)}");

        run.FdMeasured += (iteration, fd, isBest) =>
            console.MarkupLine($"FD at iteration {iteration:N0}: [bold]{fd:F3}[/]{(isBest ? " (best so far, saved as checkpoints/best.gsckpt)" : "")}");

        ImageRunResult result = null!;
        if (console.Profile.Capabilities.Interactive)
        {
            TrainingThreadProgress.Show(console,
                new ProgressColumn[] { new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn() },
                (context, display) =>
                {
                    var task = context.AddTask("starting", maxValue: Math.Max(1, run.TotalIterations));
                    task.Value = run.Iteration;
                    run.Progress += p =>
                    {
                        task.Value = p.Iteration;
                        task.Description = Markup.Escape(Describe(p));
                        display.Tick();
                    };
                    result = run.Run(cancel);
                });
        }
        else
        {
            // Redirected output (logs, CI): one plain line per sample grid instead of a redrawn bar.
            run.Progress += p =>
            {
                if (p.Iteration % o.SampleEvery == 0 || p.Iteration == p.TotalIterations) console.WriteLine(Describe(p));
            };
            run.CheckpointWritten += path => console.WriteLine($"checkpoint {path}");
            result = run.Run(cancel);
        }

        console.MarkupLine($"Images per second: [bold]{result.ImagesPerSecond:F1}[/]");
        if (result.LastSampleGrid is not null) console.MarkupLine($"Last sample grid: {Markup.Escape(result.LastSampleGrid)}");
        console.MarkupLine($"Checkpoint: {Markup.Escape(result.LastCheckpoint)}");
        if (run.BestFd is { } best)
            console.MarkupLine($"Best FD: [bold]{best.Fd:F3}[/] at iteration {best.Iteration:N0}: {Markup.Escape(run.BestCheckpointPath)}");
        if (!result.Completed)
            console.MarkupLine($"[yellow]Stopped at iteration {result.Iteration:N0} of {run.TotalIterations:N0}.[/] Continue with: gansharp train --resume {Markup.Escape(run.RunDirectory)}");
        return 0;
    }

    private static string Describe(ImageRunProgress p) =>
        $"epoch {p.Epoch}/{p.Epochs}  it {p.Iteration}/{p.TotalIterations}  D {p.Stats.DiscriminatorLoss:F3}  G {p.Stats.GeneratorLoss:F3}  " +
        $"D(x) {p.Stats.MeanDReal:F2}  D(G(z)) {p.Stats.MeanDFake:F2}  {p.ImagesPerSecond:F0} img/s";
}
