using System.CommandLine;
using GanSharp.Cli.Commands;
using GanSharp.Tests.Data;
using SkiaSharp;

namespace GanSharp.Tests.Cli;

/// <summary>
/// What the fault suite breaks things against, built once: a finished tiny run on points, a finished tiny run on 28×28 grayscale
/// pictures, and the folder of those pictures.
/// </summary>
public sealed class FaultSuiteFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public FaultSuiteFixture()
    {
        Pictures = _dir.File("pictures");
        for (int i = 0; i < 8; i++)
            TestPictures.Write(Path.Combine(Pictures, $"{i}.png"), 28, 28, (x, y) => x > 3 * i ? SKColors.White : SKColors.Gray);
        PointRun = _dir.File("point-run");
        Require(Gansharp("train", "--data", "ring", "--iterations", "4", "--g-width", "8", "--d-width", "8", "--frames-every", "2",
            "--checkpoint-every", "2", "--seed", "1", "--threads", "1", "--out", PointRun));
        ImageRun = _dir.File("image-run");
        Require(Gansharp("train", "--data", Pictures, "--image-size", "28", "--channels", "1", "--features", "2", "--latent-dim", "4",
            "--batch-size", "4", "--epochs", "1", "--sample-every", "1", "--checkpoint-every", "1", "--seed", "1", "--threads", "1", "--out", ImageRun));
    }

    /// <summary>A finished run on the ring: 4 iterations of 8-unit MLPs, frames and checkpoints every 2.</summary>
    public string PointRun { get; }

    /// <summary>A finished DCGAN run (F = 2) on <see cref="Pictures"/>: 2 iterations, a checkpoint after each.</summary>
    public string ImageRun { get; }

    /// <summary>Eight 28×28 grayscale PNGs.</summary>
    public string Pictures { get; }

    /// <summary>Runs a gansharp command line in-process on a plain console; returns the exit code and everything printed.</summary>
    public static (int ExitCode, string Output) Gansharp(string[] args, CancellationToken cancel = default)
    {
        var writer = new StringWriter();
        var console = TestConsole.Create(writer);
        var root = new RootCommand
        {
            TrainCommand.Create(console), SampleCommand.Create(console), ExportCommand.Create(console), EvalCommand.Create(console),
        };
        int code = root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, cancel).GetAwaiter().GetResult();
        return (code, writer.ToString());
    }

    public void Dispose() => _dir.Dispose();

    private static (int, string) Gansharp(params string[] args) => Gansharp(args, default);

    private static void Require((int ExitCode, string Output) result)
    {
        if (result.ExitCode != 0) throw new InvalidOperationException("The fault suite's fixture run failed: " + result.Output);
    }
}
