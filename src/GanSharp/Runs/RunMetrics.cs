using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanSharp.Runs;

/// <summary>The content of a run's <c>metrics.json</c>.</summary>
/// <param name="ModesCaptured">Final modes captured (points on a modal target), else null.</param>
/// <param name="ModesTotal">Modes of the target, else null.</param>
/// <param name="HighQualityFraction">Final high-quality sample fraction, else null.</param>
/// <param name="ReverseKl">Final reverse KL of the mode histogram, else null.</param>
/// <param name="Iterations">Iterations completed.</param>
/// <param name="Seconds">Wall-clock seconds over every process that worked on the run.</param>
/// <param name="Cancelled">Whether training stopped early on request.</param>
/// <param name="DivergedAtIteration">The iteration whose numbers became non-finite, or null.</param>
/// <param name="HistoryStride">Every this-many-th iteration is in <paramref name="History"/>.</param>
/// <param name="History">The recorded iterations.</param>
/// <param name="FdHistory">Images with FD tracking: every measurement; left out otherwise.</param>
/// <param name="BestFd">The lowest FD, or null.</param>
/// <param name="BestIteration">Its iteration, or null.</param>
/// <param name="Changes">What was done to the run between iterations (<c>gansharp lab</c>); left out when nothing was.</param>
public sealed record RunMetrics(
    int? ModesCaptured,
    int? ModesTotal,
    double? HighQualityFraction,
    double? ReverseKl,
    int Iterations,
    double Seconds,
    bool Cancelled,
    int? DivergedAtIteration,
    int HistoryStride,
    IReadOnlyList<HistoryPoint> History,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FdPoint>? FdHistory = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? BestFd = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? BestIteration = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<HistoryChange>? Changes = null)
{
    /// <summary>JSON of metrics.json (snake_case; a diverged iteration's non-finite numbers as "NaN"/"Infinity").</summary>
    public static JsonSerializerOptions Json => RunHistory.Json;

    /// <summary>Reads a run's metrics.json.</summary>
    /// <exception cref="InvalidDataException">Not a metrics file.</exception>
    public static RunMetrics Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunMetrics>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty metrics.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a run's metrics.json ({e.Message}).", e);
        }
    }
}
