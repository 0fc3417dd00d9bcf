using GanSharp.Metrics;
using GanSharp.Training;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>Runs a <see cref="ToyRun"/> behind a live progress bar (losses, V̂, D's outputs, latest mode metrics) and prints a final table.</summary>
internal static class ToyRunPresenter
{
    public static int Run(IAnsiConsole console, ToyRunConfig config, string outputDirectory, CancellationToken cancel)
    {
        // Ctrl-C or SIGTERM: stop after the current iteration and still write the outputs.
        using var signals = new StopSignals(cancel);
        cancel = signals.Token;
        var run = new ToyRun(config, outputDirectory);
        console.MarkupLine($"Training on [bold]{Markup.Escape(config.Data)}[/] ({SettingNames.Name(config.Objective)}, {config.Iterations:N0} iterations, seed {config.Seed}) → [bold]{Markup.Escape(outputDirectory)}[/]");
        ToyRunResult result = null!;
        ModeReport? latest = null;
        TrainingThreadProgress.Show(console,
            new ProgressColumn[] { new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn() },
            (context, display) =>
            {
                var task = context.AddTask("starting", maxValue: Math.Max(1, config.Iterations));
                run.Evaluated += e => latest = e.Modes ?? latest;
                run.IterationCompleted += stats =>
                {
                    task.Value = stats.Iteration;
                    display.Tick();
                    if (stats.Iteration % 10 != 0 && stats.Iteration != config.Iterations) return;
                    var modes = latest is null ? "" : $"  modes {latest.ModesCaptured}/{latest.ModesTotal}  HQ {latest.HighQualityFraction:P0}";
                    task.Description = Markup.Escape(
                        $"it {stats.Iteration,6}  D {stats.DiscriminatorLoss:F3}  G {stats.GeneratorLoss:F3}  V {stats.Value:F3}  " +
                        $"D(x) {stats.MeanDReal:F2}  D(G(z)) {stats.MeanDFake:F2}{modes}");
                };
                result = run.Run(cancel);
                task.Value = task.MaxValue;
            });
        console.Write(Summary(result));
        if (result.Cancelled) console.MarkupLine($"[yellow]Stopped early after {result.Iterations:N0} iterations; the outputs describe what was done.[/]");
        return 0;
    }

    private static Table Summary(ToyRunResult result)
    {
        var table = new Table().AddColumn("result").AddColumn("value");
        if (result.FinalModes is { } m)
        {
            table.AddRow("modes captured", $"{m.ModesCaptured} / {m.ModesTotal}");
            table.AddRow("high-quality samples", $"{m.HighQualityFraction:P1}");
            table.AddRow("reverse KL (nats)", m.ReverseKl is { } kl ? $"{kl:F4}" : "–");
        }
        table.AddRow("iterations", $"{result.Iterations:N0}");
        table.AddRow("seconds", $"{result.Seconds:F1}");
        table.AddRow("outputs", Markup.Escape(result.OutputDirectory + Path.DirectorySeparatorChar + " (config.json, metrics.json, samples.csv, training.gif, curves.png, frames/)"));
        return table;
    }
}
