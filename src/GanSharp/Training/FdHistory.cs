using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanSharp.Training;

/// <summary>
/// The FD measurements of an image run, kept as <c>metrics.json</c> in its folder: <c>fd_history</c>, an array of
/// {<c>iteration</c>, <c>fd</c>}, and the lowest one as <c>best_fd</c> and <c>best_iteration</c> (null before the first).
/// </summary>
public sealed class FdHistory
{
    /// <summary>File name inside the run folder.</summary>
    public const string FileName = "metrics.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly List<(int Iteration, double Fd)> _points = new();

    /// <summary>The measurements, oldest first.</summary>
    public IReadOnlyList<(int Iteration, double Fd)> Points => _points;

    /// <summary>The lowest FD and its iteration, or null before the first measurement.</summary>
    public (int Iteration, double Fd)? Best => _points.Count == 0 ? null : _points.MinBy(p => p.Fd);

    /// <summary>Adds a measurement; returns whether it is lower than every earlier one.</summary>
    public bool Add(int iteration, double fd)
    {
        bool isBest = Best is not { } best || fd < best.Fd;
        _points.Add((iteration, fd));
        return isBest;
    }

    /// <summary>The history in <paramref name="runDirectory"/> up to <paramref name="upToIteration"/> (later entries belong to iterations a resumed run redoes); empty without a file.</summary>
    /// <exception cref="InvalidDataException">The file is not an FD history.</exception>
    public static FdHistory Read(string runDirectory, int upToIteration)
    {
        var history = new FdHistory();
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path)) return history;
        try
        {
            var points = JsonNode.Parse(File.ReadAllText(path))?["fd_history"]?.AsArray() ?? throw new InvalidDataException("no fd_history");
            foreach (var point in points)
            {
                int iteration = point!["iteration"]!.GetValue<int>();
                if (iteration <= upToIteration) history._points.Add((iteration, point["fd"]!.GetValue<double>()));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or InvalidDataException)
        {
            throw new InvalidDataException($"{path} is not an FD history ({e.Message}); move it away to start a new one.", e);
        }
        return history;
    }

    /// <summary>Writes <c>metrics.json</c> in <paramref name="runDirectory"/>; returns its path.</summary>
    public string Write(string runDirectory)
    {
        var points = new JsonArray();
        foreach (var (iteration, fd) in _points) points.Add(new JsonObject { ["iteration"] = iteration, ["fd"] = fd });
        var root = new JsonObject
        {
            ["fd_history"] = points,
            ["best_fd"] = Best?.Fd,
            ["best_iteration"] = Best?.Iteration,
        };
        var path = Path.Combine(runDirectory, FileName);
        File.WriteAllText(path, root.ToJsonString(Indented));
        return path;
    }
}
