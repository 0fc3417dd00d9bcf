using System.CommandLine;
using System.Text.Json.Nodes;
using GanSharp.Runs;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary><c>gansharp lab</c>: trains a point run while a local web page shows it live and steers it (every train option, plus --port and --host).</summary>
internal static class LabCommand
{
    /// <summary>Iterations of a lab run unless --iterations says otherwise: long enough to watch, pause and steer.</summary>
    public const int DefaultIterations = 20_000;

    public static Command Create() => Create(AnsiConsole.Console);

    public static Command Create(IAnsiConsole console)
    {
        var options = new RunCommandOptions();
        var lab = new LabOptions();
        var play = new Option<bool>("--play") { Description = "Start training at once (by default the page's play button starts it)." };
        var command = new Command("lab",
            "Train a GAN on 1D/2D points while a local web page shows it live: real and generated points, D(x) and D*(x), G's gradient arrows and manifold, " +
            "the losses and JSD; play, pause, step D or G alone, and change the objective, k, learning rates, prior, batch size or target while it trains. " +
            $"Default: {DefaultIterations:N0} iterations, outputs in runs/lab (replaced).");
        foreach (var option in options.All) command.Options.Add(option);
        command.Options.Add(lab.Port);
        command.Options.Add(lab.Host);
        command.Options.Add(play);
        command.SetAction((result, cancel) => Task.FromResult(CommandErrors.Guard(console, () =>
        {
            var given = options.Given(result);
            var server = lab.Server(result);
            bool playing = result.GetValue(play);
            if (result.GetValue(options.Resume) is { } runDirectory)
            {
                var requested = RunFolder.ReadOptions(runDirectory).ForResume(given);
                return LabPresenter.Run(console, server, () => GanRun.Resume(runDirectory, requested), playing, cancel);
            }
            if (!given.ContainsKey("iterations")) given["iterations"] = JsonValue.Create(DefaultIterations);
            var runOptions = RunOptions.Resolve(given);
            if (runOptions.Kind != DataKind.Points)
                throw new ArgumentException($"gansharp lab shows runs on points (1D or 2D targets, point files); '{runOptions.Data}' is images: train it with gansharp train.");
            string output = RunCommandOptions.Has(result, options.Output) ? result.GetValue(options.Output)! : Path.Combine("runs", "lab");
            // The default folder is the lab's own scratch space: each lab replaces the last. Elsewhere, --force as for train.
            bool replace = result.GetValue(options.Force) || !RunCommandOptions.Has(result, options.Output);
            return LabPresenter.Run(console, server, () => GanRun.Start(runOptions, output, chooseThreads: true, replace: replace), playing, cancel);
        })));
        return command;
    }
}
