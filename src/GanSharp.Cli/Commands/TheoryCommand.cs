using System.CommandLine;
using GanSharp.Theory.Experiments;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary><c>gansharp theory [--quick] [--only ID] [--out DIR]</c>: runs the theory lab and writes report.md and theory.json.</summary>
internal static class TheoryCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Small versions of every experiment (a few minutes on two cores)." };
        var only = new Option<string?>("--only") { Description = "Run only these experiments: numbers or ids, comma-separated (e.g. 3 or jsd-bound).", HelpName = "IDS" };
        var output = new Option<string>("--out") { Description = "Folder for report.md, theory.json and figures/.", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("runs", "theory") };
        var seed = new Option<int>("--seed") { Description = "Base seed of every random stream.", DefaultValueFactory = _ => 0 };
        var command = new Command("theory", "Turn claims of GAN theory into experiments and write a report with numbers, figures and verdicts.") { quick, only, output, seed };
        command.SetAction(parse =>
        {
            try
            {
                var experiments = TheoryRunner.Select(parse.GetValue(only));
                var runner = new TheoryRunner();
                var line = "gansharp theory" + (parse.GetValue(quick) ? " --quick" : "") +
                           (parse.GetValue(only) is { } o ? $" --only {o}" : "") + $" --out {parse.GetValue(output)}";
                IReadOnlyList<TheoryResult> results = Array.Empty<TheoryResult>();
                TrainingThreadProgress.Show(AnsiConsole.Console,
                    new ProgressColumn[] { new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn() },
                    (progress, display) =>
                    {
                        var tasks = experiments.ToDictionary(e => e, e => progress.AddTask($"{e.Number}. {Markup.Escape(e.Title)}", autoStart: false, maxValue: 1));
                        runner.ExperimentStarted += e =>
                        {
                            tasks[e].StartTask();
                            display.Redraw();
                        };
                        runner.ExperimentProgress += (e, f) =>
                        {
                            tasks[e].Value = f;
                            display.Tick();
                        };
                        runner.ExperimentCompleted += r =>
                        {
                            var task = tasks.First(t => t.Key.Id == r.Id).Value;
                            task.Value = 1;
                            task.Description = $"{r.Number}. {Markup.Escape(r.Title)} [grey]({(r.Holds switch { true => "holds", false => "does not hold", null => "not checked" })})[/]";
                            task.StopTask();
                            display.Redraw();
                        };
                        results = runner.Run(experiments, parse.GetValue(quick), parse.GetValue(output)!, parse.GetValue(seed), line);
                    });
                foreach (var r in results)
                    AnsiConsole.MarkupLine($"{r.Number,2}. {Markup.Escape(r.Title)}: {(r.Holds switch { true => "[green]holds[/]", false => "[red]does not hold[/]", null => "[grey]not checked[/]" })} ({r.Seconds:F1} s)");
                AnsiConsole.MarkupLine($"Report: {Markup.Escape(Path.Combine(parse.GetValue(output)!, "report.md"))}");
                return 0;
            }
            catch (ArgumentException e)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
                return 2;
            }
        });
        return command;
    }
}
