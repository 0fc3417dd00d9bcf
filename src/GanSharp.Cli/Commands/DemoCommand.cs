using System.CommandLine;
using GanSharp.Runs;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary><c>gansharp demo</c>: the curated ring run (<see cref="RunOptions.Demo"/>), about a minute on one CPU core; it replaces an earlier demo in its folder.</summary>
internal static class DemoCommand
{
    public static Command Create() => Create(AnsiConsole.Console);

    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<string>("--out") { Description = "Output folder (an earlier run there is replaced).", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("runs", "demo") };
        var seed = new Option<int>("--seed") { Description = "Seed of every random stream.", DefaultValueFactory = _ => RunOptions.Demo.Seed };
        var threads = new Option<int>("--threads") { Description = "libtorch CPU threads (0: gansharp chooses).", DefaultValueFactory = _ => 0 };
        var command = new Command("demo", "Train the non-saturating GAN on the 8-Gaussian ring with curated settings; writes frames, training.gif, curves.png and metrics.json.");
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(threads);
        command.SetAction((result, cancel) => Task.FromResult(CommandErrors.Guard(console, () =>
        {
            var options = RunOptions.Demo with { Seed = result.GetValue(seed), Threads = result.GetValue(threads) };
            var directory = result.GetValue(output)!;
            return RunPresenter.Run(console, () => GanRun.Start(options, directory, chooseThreads: true, replace: true), cancel);
        })));
        return command;
    }
}
