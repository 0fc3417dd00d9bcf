using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GanSharp.Gan;
using GanSharp.Metrics;

namespace GanSharp.Runs;

/// <summary>
/// The numbers of a run over its iterations, for metrics.json and curves.png: every <see cref="Stride"/>-th iteration (about
/// <see cref="Budget"/> entries in all), the last one, and every iteration at which the modes were scored, with their metrics.
/// </summary>
public sealed class RunHistory
{
    /// <summary>At most about this many entries.</summary>
    public const int Budget = 1000;

    /// <summary>Name of the history's state inside a checkpoint.</summary>
    public const string StateName = "history";

    /// <summary>JSON of the history (snake_case; a diverged iteration's non-finite numbers as "NaN"/"Infinity").</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    private readonly int _totalIterations;
    private List<HistoryPoint> _points = new();
    private List<HistoryChange> _changes = new();
    private IterationStats? _last;

    /// <param name="totalIterations">Iterations the run does.</param>
    public RunHistory(int totalIterations)
    {
        _totalIterations = totalIterations;
        Stride = Math.Max(1, (totalIterations + Budget - 1) / Budget);
    }

    /// <summary>Every this-many-th iteration is recorded.</summary>
    public int Stride { get; }

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<HistoryPoint> Points => _points;

    /// <summary>What was done to the run between iterations (settings changed, single steps of D or G), oldest first.</summary>
    public IReadOnlyList<HistoryChange> Changes => _changes;

    /// <summary>Records a change made between iterations.</summary>
    public void RecordChange(HistoryChange change) => _changes.Add(change);

    /// <summary>Wall-clock seconds of the run's earlier processes (before the resume that this process continues).</summary>
    public double EarlierSeconds { get; set; }

    /// <summary>Records <paramref name="stats"/> when its iteration is due (or always, with <paramref name="force"/>).</summary>
    public void Record(IterationStats stats, bool force = false)
    {
        _last = stats;
        if (force || stats.Iteration % Stride == 0 || stats.Iteration == _totalIterations) Add(HistoryPoint.From(stats));
    }

    /// <summary>Attaches the mode metrics scored at <paramref name="iteration"/> to its entry (recording the entry if it was not due).</summary>
    public void Annotate(int iteration, ModeReport modes)
    {
        HistoryPoint? entry = _points.Count > 0 && _points[^1].Iteration == iteration ? _points[^1]
            : _last is { } last && last.Iteration == iteration ? HistoryPoint.From(last) : null;
        if (entry is null) return;
        entry = entry with { ModesCaptured = modes.ModesCaptured, HighQualityFraction = modes.HighQualityFraction, ReverseKl = modes.ReverseKl };
        if (_points.Count > 0 && _points[^1].Iteration == iteration) _points[^1] = entry;
        else _points.Add(entry);
    }

    /// <summary>At the end of training: records the last iteration if it was not due (a cancelled run).</summary>
    public void Close()
    {
        if (_last is not null && (_points.Count == 0 || _points[^1].Iteration != _last.Iteration)) _points.Add(HistoryPoint.From(_last));
    }

    /// <summary>The entries and the seconds so far, for a checkpoint.</summary>
    public JsonNode SaveState() => new JsonObject
    {
        ["seconds"] = EarlierSeconds,
        ["points"] = JsonSerializer.SerializeToNode(_points, Json),
        ["changes"] = JsonSerializer.SerializeToNode(_changes, Json),
    };

    /// <summary>Restores a state from <see cref="SaveState"/>.</summary>
    public void LoadState(JsonNode state)
    {
        EarlierSeconds = state["seconds"]?.GetValue<double>() ?? 0;
        _points = state["points"].Deserialize<List<HistoryPoint>>(Json) ?? new List<HistoryPoint>();
        _changes = state["changes"]?.Deserialize<List<HistoryChange>>(Json) ?? new List<HistoryChange>();
        _last = null;
    }

    private void Add(HistoryPoint point)
    {
        if (_points.Count > 0 && _points[^1].Iteration == point.Iteration) return;
        _points.Add(point);
    }
}
