using System.CommandLine;
using GanSharp.Training;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary><c>gansharp demo</c>: the curated ring run (<see cref="ToyRunConfig.Demo"/>), about a minute on one CPU core.</summary>
internal static class DemoCommand
{
    public static Command Create() => Create(AnsiConsole.Console);

    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<string>("--out") { Description = "Output directory.", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("runs", "demo") };
        var seed = new Option<int>("--seed") { Description = "Seed of every random stream.", DefaultValueFactory = _ => ToyRunConfig.Demo.Seed };
        var command = new Command("demo", "Train the non-saturating GAN on the 8-Gaussian ring with curated settings; writes frames, training.gif, curves.png and metrics.json.");
        command.Options.Add(output);
        command.Options.Add(seed);
        command.SetAction((result, cancel) => Task.FromResult(CommandErrors.Guard(console, () =>
            ToyRunPresenter.Run(console, ToyRunConfig.Demo with { Seed = result.GetValue(seed) }, result.GetValue(output)!, cancel))));
        return command;
    }
}
