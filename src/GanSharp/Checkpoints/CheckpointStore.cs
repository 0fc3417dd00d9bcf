using System.Globalization;

namespace GanSharp.Checkpoints;

/// <summary>The checkpoints of one run: <c>RUN/checkpoints/checkpoint-{iteration}.gsckpt</c>, of which the last K are kept.</summary>
public sealed class CheckpointStore
{
    /// <summary>Name of the checkpoint folder inside a run folder.</summary>
    public const string FolderName = "checkpoints";

    private const string Prefix = "checkpoint-";

    /// <param name="runDirectory">The run folder; checkpoints go to its <c>checkpoints</c> subfolder.</param>
    /// <param name="keep">How many of the newest checkpoints to keep (at least 1).</param>
    public CheckpointStore(string runDirectory, int keep)
    {
        if (keep < 1) throw new ArgumentOutOfRangeException(nameof(keep), keep, "Keep at least one checkpoint.");
        Directory = Path.Combine(runDirectory, FolderName);
        Keep = keep;
    }

    /// <summary>The folder holding the checkpoint files.</summary>
    public string Directory { get; }

    /// <summary>How many checkpoints are kept.</summary>
    public int Keep { get; }

    /// <summary>The path of the checkpoint for <paramref name="iteration"/>.</summary>
    public string PathFor(int iteration) => Path.Combine(Directory, $"{Prefix}{iteration.ToString("D9", CultureInfo.InvariantCulture)}{CheckpointFile.Extension}");

    /// <summary>The best checkpoint by FD (<c>best.gsckpt</c>); <see cref="Prune"/> and <see cref="List"/> leave it out.</summary>
    public string BestPath => Path.Combine(Directory, "best" + CheckpointFile.Extension);

    /// <summary>Checkpoint files in <paramref name="directory"/>, oldest first (by the iteration in the name).</summary>
    public static IReadOnlyList<string> List(string directory) =>
        !System.IO.Directory.Exists(directory)
            ? Array.Empty<string>()
            : System.IO.Directory.EnumerateFiles(directory, Prefix + "*" + CheckpointFile.Extension)
                .Select(f => (Path: f, Iteration: IterationOf(f)))
                .Where(f => f.Iteration >= 0)
                .OrderBy(f => f.Iteration)
                .Select(f => f.Path)
                .ToArray();

    /// <summary>Deletes all but the newest <see cref="Keep"/> checkpoints (and temporary files left by an interrupted write).</summary>
    public void Prune()
    {
        var all = List(Directory);
        foreach (var old in all.Take(Math.Max(0, all.Count - Keep))) File.Delete(old);
        if (System.IO.Directory.Exists(Directory))
            foreach (var temp in System.IO.Directory.EnumerateFiles(Directory, "*" + CheckpointFile.Extension + ".tmp")) File.Delete(temp);
    }

    /// <summary>
    /// A checkpoint file from what the user gave: the file itself, or a run folder (or its <c>checkpoints</c> folder), meaning its latest checkpoint.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing there, or a folder without checkpoints.</exception>
    public static string Resolve(string path)
    {
        if (File.Exists(path)) return path;
        if (!System.IO.Directory.Exists(path)) throw new FileNotFoundException($"No checkpoint file or run folder at {path}.", path);
        var latest = Latest(List(Path.Combine(path, FolderName))) ?? Latest(List(path));
        return latest ?? throw new FileNotFoundException(
            $"The folder {path} holds no checkpoint (looked for {Prefix}*{CheckpointFile.Extension} in it and in its checkpoints folder).", path);
    }

    /// <summary>The newest of <paramref name="checkpoints"/> (oldest first), or null.</summary>
    public static string? Latest(IReadOnlyList<string> checkpoints) => checkpoints.Count == 0 ? null : checkpoints[^1];

    private static int IterationOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
    }
}
