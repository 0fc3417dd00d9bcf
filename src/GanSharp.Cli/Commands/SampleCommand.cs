using System.CommandLine;
using GanSharp.Runs;
using GanSharp.Sampling;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary><c>gansharp sample</c>: images from a trained image generator, as a grid, one file each, or a latent walk.</summary>
internal static class SampleCommand
{
    public static Command Create() => Create(AnsiConsole.Console);

    public static Command Create(IAnsiConsole console)
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "Checkpoint file, or a run folder (its latest checkpoint).", HelpName = "PATH", Required = true };
        var n = new Option<int>("--n") { Description = "Number of images (a walk: its steps).", DefaultValueFactory = _ => 64 };
        var output = new Option<string>("--out") { Description = "Grid PNG, a folder with --format png, or a .png strip / .gif with --interpolate.", HelpName = "PATH", DefaultValueFactory = _ => "samples.png" };
        var format = new Option<string>("--format") { Description = "grid: one PNG of all images; png: one file per image in the --out folder.", HelpName = "grid|png", DefaultValueFactory = _ => "grid" };
        format.AcceptOnlyFromAmong("grid", "png");
        var interpolate = new Option<bool>("--interpolate") { Description = "A latent walk between two random z (spherical interpolation) as a strip (.png) or animation (.gif)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the noise.", DefaultValueFactory = _ => 0 };
        var ownWeights = OwnWeightsOption.Create();
        var command = new Command("sample", "Generate images from a trained image GAN checkpoint.");
        foreach (var option in new Option[] { checkpoint, ownWeights, n, output, format, interpolate, seed }) command.Options.Add(option);
        command.SetAction(result => CommandErrors.Guard(console, () =>
        {
            var path = result.GetValue(output)!;
            int count = result.GetValue(n);
            // The output is checked before the checkpoint is read or anything is drawn.
            if (result.GetValue(interpolate)) SampleWriter.CheckFile(path, ".png", ".gif");
            else if (result.GetValue(format) == "png") SampleWriter.CheckFolder(path);
            else SampleWriter.CheckFile(path, ".png");
            using var g = GeneratorCheckpoint.Load(result.GetValue(checkpoint)!, result.GetValue(ownWeights));
            g.EnsureSamplingFits(count, $"--n {count}");
            if (result.GetValue(interpolate))
            {
                using var walk = g.Interpolate(count, result.GetValue(seed));
                if (Path.GetExtension(path).Equals(".gif", StringComparison.OrdinalIgnoreCase)) SampleWriter.WriteGif(path, walk);
                else SampleWriter.WriteGrid(path, walk, columns: count);
            }
            else
            {
                using var images = g.Sample(count, result.GetValue(seed));
                if (result.GetValue(format) == "png") SampleWriter.WriteFiles(path, images);
                else SampleWriter.WriteGrid(path, images);
            }
            console.MarkupLine($"Wrote {Markup.Escape(path)} from {Markup.Escape(g.Path)} (iteration {g.Iteration:N0}, {OwnWeightsOption.Describe(g.IsAverage)}).");
            return 0;
        }));
        return command;
    }
}
