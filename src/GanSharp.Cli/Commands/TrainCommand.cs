using System.CommandLine;
using GanSharp.Training;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary><c>gansharp train</c>: trains a GAN with every setting on the command line or in a JSON config file.</summary>
internal static class TrainCommand
{
    public static Command Create() => Create(AnsiConsole.Console);

    public static Command Create(IAnsiConsole console)
    {
        var config = new Option<string>("--config") { Description = "JSON file of settings (snake_case keys, as in a run's config.json); options given here override it.", HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "Output directory.", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("runs", "train") };
        var toy = new ToyOptions();
        var command = new Command("train", "Train a GAN on 1D/2D points (a built-in target or your own .csv/.npy file) and write pictures and metrics.");
        command.Options.Add(config);
        command.Options.Add(output);
        foreach (var option in toy.All) command.Options.Add(option);
        command.SetAction((result, cancel) => Task.FromResult(CommandErrors.Guard(console, () =>
        {
            var path = result.GetValue(config);
            var baseConfig = path is null ? new ToyRunConfig() : ToyRunConfig.Load(path);
            return RunOnPoints(console, toy.Apply(result, baseConfig), result.GetValue(output)!, cancel);
        })));
        return command;
    }

    /// <summary>The run on points: the settings are complete and the rest is the library's.</summary>
    private static int RunOnPoints(IAnsiConsole console, ToyRunConfig config, string outputDirectory, CancellationToken cancel) =>
        ToyRunPresenter.Run(console, config.EnsureValid(), outputDirectory, cancel);
}
