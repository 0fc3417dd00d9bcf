using GanSharp.Checkpoints;
using GanSharp.Distributions;
using GanSharp.Evaluation;
using static TorchSharp.torch;

namespace GanSharp.Runs;

/// <summary>What a run folder holds: <c>config.json</c>, the outputs of its observers, and its checkpoints.</summary>
public static class RunFolder
{
    /// <summary>Files and folders a run writes (and deletes when a new run replaces it).</summary>
    public static readonly IReadOnlyList<string> Outputs = new[]
    {
        GanRun.ConfigFileName, "metrics.json", "curves.png", "samples.csv", "training.gif", "frames", "samples", "tensorboard", CheckpointStore.FolderName, "images.cache",
    };

    /// <summary>Whether <paramref name="directory"/> holds a run (its config.json or checkpoints).</summary>
    public static bool HoldsRun(string directory) =>
        File.Exists(Path.Combine(directory, GanRun.ConfigFileName))
        || CheckpointStore.List(Path.Combine(directory, CheckpointStore.FolderName)).Count > 0;

    /// <summary>The settings of the run in <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">Not a run folder.</exception>
    /// <exception cref="InvalidDataException">Its config.json is not a valid configuration.</exception>
    public static RunOptions ReadOptions(string directory)
    {
        var path = Path.Combine(directory, GanRun.ConfigFileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{directory} is not a run folder: it has no {GanRun.ConfigFileName}.", path);
        return RunOptions.FromJson(File.ReadAllText(path), path);
    }

    /// <summary>The target (from its config.json) and the generated points (its samples.csv) of the finished run on points in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder has no config.json or samples.csv (not a finished run on points).</exception>
    public static (ITargetDistribution Target, Tensor Points) ReadPoints(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Run folder '{directory}' does not exist.");
        var samplesPath = Path.Combine(directory, "samples.csv");
        foreach (var path in new[] { Path.Combine(directory, GanRun.ConfigFileName), samplesPath })
            if (!File.Exists(path))
                throw new FileNotFoundException($"'{directory}' is not a finished run on points: it has no {Path.GetFileName(path)} (written by `gansharp train --data ring|grid|moons|mixture1d|gaussian1d|FILE`).", path);
        using var data = RunData.Open(ReadOptions(directory) is { Kind: DataKind.Points } options
            ? options
            : throw new InvalidDataException($"'{directory}' is a run on images; eval --run scores runs on points (use eval --checkpoint for images)."));
        return (data.Target!, PointEvaluation.ReadPoints(samplesPath));
    }

    /// <summary>Deletes the outputs a run writes (<see cref="Outputs"/>) from <paramref name="directory"/>, and nothing else.</summary>
    public static void DeleteOutputs(string directory)
    {
        foreach (var name in Outputs)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path)) File.Delete(path);
            else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
    }
}
