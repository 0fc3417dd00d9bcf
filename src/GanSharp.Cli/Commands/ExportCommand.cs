using System.CommandLine;
using GanSharp.Runs;
using GanSharp.Sampling;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary><c>gansharp export</c>: an image generator's weights as safetensors for PyTorch (names and architecture in docs/safetensors.md).</summary>
internal static class ExportCommand
{
    public static Command Create() => Create(AnsiConsole.Console);

    public static Command Create(IAnsiConsole console)
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "Checkpoint file, or a run folder (its latest checkpoint).", HelpName = "PATH", Required = true };
        var output = new Option<string>("--out") { Description = "The .safetensors file to write.", HelpName = "FILE", DefaultValueFactory = _ => "generator.safetensors" };
        var command = new Command("export", "Export a trained image generator's weights as safetensors (loadable in PyTorch).");
        command.Options.Add(checkpoint);
        command.Options.Add(output);
        command.SetAction(result => CommandErrors.Guard(console, () =>
        {
            var path = result.GetValue(output)!;
            SampleWriter.CheckFile(path, ".safetensors");
            using var g = GeneratorCheckpoint.Load(result.GetValue(checkpoint)!);
            g.ExportSafetensors(path);
            var o = g.Options;
            console.MarkupLine($"Wrote {Markup.Escape(path)}: {o.Model.ToString().ToUpperInvariant()} generator, z ∈ ℝ^{o.LatentDim} ↦ {o.Channels}×{o.ImageSize}×{o.ImageSize}, features {o.Features} (see docs/safetensors.md).");
            return 0;
        }));
        return command;
    }
}
