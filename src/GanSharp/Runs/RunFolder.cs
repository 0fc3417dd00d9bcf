using System.Text.Json.Nodes;
using GanSharp.Checkpoints;
using GanSharp.Distributions;
using GanSharp.Evaluation;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Runs;

/// <summary>
/// What a run folder holds: <c>run.json</c> (what kind of run, which layout), <c>config.json</c>, the outputs of its observers, and its
/// checkpoints. A folder holds one run: a new run refuses a folder with another run's outputs or with files that are not a run's,
/// unless told to replace them.
/// </summary>
public static class RunFolder
{
    /// <summary>Name of the file that says what a run folder is.</summary>
    public const string MarkerFileName = "run.json";

    /// <summary>Layout version written into <see cref="MarkerFileName"/>.</summary>
    public const int LayoutVersion = 1;

    private const string MarkerFormat = "gansharp-run";

    /// <summary>Files and folders a run writes (and deletes when a new run replaces it).</summary>
    public static readonly IReadOnlyList<string> Outputs = new[]
    {
        GanRun.ConfigFileName, "metrics.json", "curves.png", "samples.csv", "training.gif", "frames", "samples", "tensorboard", CheckpointStore.FolderName, "images.cache",
    };

    /// <summary>Files and folders besides <see cref="Outputs"/> that belong to a run folder: its marker and what <c>eval --run</c> writes into it.</summary>
    private static readonly IReadOnlyList<string> OtherRunEntries = new[] { MarkerFileName, EvaluationJson.FileName };

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

    /// <summary>
    /// Checks that a new run of <paramref name="options"/> may write into <paramref name="directory"/>, before anything is written:
    /// the folder is new or empty, or (with <paramref name="replace"/>) holds a run to replace or files that are not a run's.
    /// Returns whether it holds a run's outputs (to delete with <see cref="DeleteOutputs"/> once the new run has been checked).
    /// </summary>
    /// <exception cref="IOException">The path is a file, or the folder holds a run or other files and <paramref name="replace"/> is false.</exception>
    /// <exception cref="ArgumentException">The folder is the image folder the run trains on, or inside it.</exception>
    public static bool CheckNewRun(string directory, RunOptions options, bool replace)
    {
        if (File.Exists(directory)) throw new IOException($"The output folder {directory} is a file: choose a folder for the run's outputs.");
        if (options.Kind == DataKind.Images && Directory.Exists(options.Data) && IsSameOrInside(directory, options.Data))
            throw new ArgumentException(
                $"The output folder {directory} is inside the image folder {options.Data} the run trains on: its pictures would become training data. Choose an output folder outside it.");
        if (!Directory.Exists(directory)) return false;
        var entries = Directory.EnumerateFileSystemEntries(directory).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToArray();
        var runEntries = entries.Where(IsRunEntry).ToArray();
        var others = entries.Except(runEntries).ToArray();
        if (runEntries.Length > 0)
        {
            if (!replace)
                throw new IOException(
                    $"{directory} already holds {Describe(directory, runEntries)}: continue it with --resume {directory}, replace it with --force, or choose another output folder.");
            return true;
        }
        if (others.Length > 0 && !replace)
            throw new IOException(
                $"{directory} is not empty and holds no GanSharp run ({List(others)}): choose a new or empty output folder, or add --force to write the run beside these files.");
        return false;
    }

    /// <summary>Checks that <paramref name="directory"/>'s marker (when it has one: runs before it had none) says a run of <paramref name="options"/>' kind.</summary>
    /// <exception cref="InvalidDataException">The marker is unreadable, of a newer layout, or says another kind of run.</exception>
    public static void CheckMarker(string directory, RunOptions options)
    {
        var path = Path.Combine(directory, MarkerFileName);
        if (!File.Exists(path)) return;
        var (kind, version) = ReadMarker(path);
        if (version > LayoutVersion)
            throw new InvalidDataException($"{path}: the run folder has layout {version}; this GanSharp reads layout {LayoutVersion} and older.");
        if (kind != options.Kind)
            throw new InvalidDataException(
                $"{path} says the folder holds a run on {SettingNames.Name(kind)}, but its {GanRun.ConfigFileName} describes a run on {SettingNames.Name(options.Kind)} ({options.Data}): the folder mixes two runs.");
    }

    /// <summary>Writes <paramref name="directory"/>'s marker for a run of <paramref name="kind"/>, atomically.</summary>
    public static void WriteMarker(string directory, DataKind kind) =>
        AtomicFile.WriteAllText(Path.Combine(directory, MarkerFileName), new JsonObject
        {
            ["format"] = MarkerFormat,
            ["version"] = LayoutVersion,
            ["kind"] = SettingNames.Name(kind),
        }.ToJsonString(RunOptions.Json));

    /// <summary>Deletes temporary files that a process killed while writing left in <paramref name="directory"/> (its final files are intact).</summary>
    public static void DeleteTemporaryFiles(string directory)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var temp in Directory.EnumerateFiles(directory, "*" + AtomicFile.TemporarySuffix)) File.Delete(temp);
    }

    /// <summary>Deletes the outputs a run writes (<see cref="Outputs"/>, the marker and <c>eval.json</c>) from <paramref name="directory"/>, and nothing else.</summary>
    /// <param name="directory">The run folder.</param>
    /// <param name="keepImageCache">Keep <c>images.cache</c> (the new run on the same pictures has just checked or written it).</param>
    public static void DeleteOutputs(string directory, bool keepImageCache = false)
    {
        DeleteTemporaryFiles(directory);
        foreach (var name in Outputs.Concat(OtherRunEntries))
        {
            if (keepImageCache && name == RunData.FolderCacheFileName) continue;
            var path = Path.Combine(directory, name);
            if (File.Exists(path)) File.Delete(path);
            else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>Deletes what a failed start wrote into <paramref name="directory"/>, which was empty before it (and the folder, with <paramref name="removeFolder"/>).</summary>
    public static void Discard(string directory, bool removeFolder)
    {
        if (!Directory.Exists(directory)) return;
        if (removeFolder)
        {
            Directory.Delete(directory, recursive: true);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(directory)) File.Delete(file);
        foreach (var folder in Directory.EnumerateDirectories(directory)) Directory.Delete(folder, recursive: true);
    }

    private static (DataKind Kind, int Version) ReadMarker(string path)
    {
        try
        {
            var marker = RunOptions.ParseSettings(File.ReadAllText(path), path);
            if (marker["format"]?.GetValue<string>() != MarkerFormat) throw new InvalidDataException($"{path} is not a GanSharp run marker.");
            return (SettingNames.Parse<DataKind>(marker["kind"]?.GetValue<string>() ?? "", "kind"), marker["version"]?.GetValue<int>() ?? 0);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a GanSharp run marker ({e.Message}).", e);
        }
    }

    private static bool IsRunEntry(string name)
    {
        var final = name.EndsWith(AtomicFile.TemporarySuffix, StringComparison.Ordinal) ? name[..^AtomicFile.TemporarySuffix.Length] : name;
        return Outputs.Contains(final) || OtherRunEntries.Contains(final);
    }

    private static string Describe(string directory, string[] runEntries)
    {
        try
        {
            var options = ReadOptions(directory);
            return $"a run on {SettingNames.Name(options.Kind)} ({options.Data})";
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return $"the outputs of a run ({List(runEntries)})";
        }
    }

    private static string List(string[] names) => string.Join(", ", names.Take(4)) + (names.Length > 4 ? $" and {names.Length - 4} more" : "");

    private static bool IsSameOrInside(string path, string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;
        var parent = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return full.StartsWith(parent, StringComparison.Ordinal);
    }
}
