using System.CommandLine;
using GanSharp.Runs;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary><c>gansharp train</c>: trains a GAN on points or images with every setting on the command line or in a JSON config file, or resumes a run.</summary>
internal static class TrainCommand
{
    public static Command Create() => Create(AnsiConsole.Console);

    public static Command Create(IAnsiConsole console)
    {
        var options = new RunCommandOptions();
        var command = new Command("train",
            "Train a GAN (Algorithm 1 of Goodfellow et al. 2014) on 1D/2D points (a built-in target or a .csv/.npy file) or on images " +
            "(fashion-mnist, mnist or a folder of pictures); writes config.json, metrics.json, curves.png, checkpoints and pictures of the game.");
        foreach (var option in options.All) command.Options.Add(option);
        var lab = new LabOptions();
        command.Options.Add(lab.Serve);
        command.Options.Add(lab.Port);
        command.Options.Add(lab.Host);
        command.SetAction((result, cancel) => Task.FromResult(CommandErrors.Guard(console, () =>
        {
            var given = options.Given(result);
            var environment = options.Environment(result);
            if (result.GetValue(options.Resume) is { } runDirectory)
            {
                var requested = RunFolder.ReadOptions(runDirectory).ForResume(given);
                if (result.GetValue(lab.Serve)) return LabPresenter.Run(console, lab.Server(result), () => GanRun.Resume(runDirectory, requested, environment), playing: true, cancel);
                return RunPresenter.Run(console, () => GanRun.Resume(runDirectory, requested, environment), cancel);
            }
            var runOptions = RunOptions.Resolve(given);
            var output = result.GetValue(options.Output)!;
            bool replace = result.GetValue(options.Force);
            if (result.GetValue(lab.Serve)) return LabPresenter.Run(console, lab.Server(result), () => GanRun.Start(runOptions, output, environment, chooseThreads: true, replace: replace), playing: true, cancel);
            return RunPresenter.Run(console, () => GanRun.Start(runOptions, output, environment, chooseThreads: true, replace: replace), cancel);
        })));
        return command;
    }
}
