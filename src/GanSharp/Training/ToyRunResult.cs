using GanSharp.Metrics;

namespace GanSharp.Training;

/// <summary>What a toy run did: the final scores, its history, and the files it wrote.</summary>
/// <param name="Config">The effective configuration.</param>
/// <param name="Iterations">Iterations completed.</param>
/// <param name="Seconds">Wall-clock seconds of the run.</param>
/// <param name="Cancelled">Whether the run stopped early on request.</param>
/// <param name="FinalModes">Mode metrics of the final generator; null for targets without modes.</param>
/// <param name="History">Recorded iterations (every <c>HistoryStride</c>-th and every scored one).</param>
/// <param name="OutputDirectory">Where the files are.</param>
/// <param name="Files">Names of the files written, relative to <paramref name="OutputDirectory"/>.</param>
public sealed record ToyRunResult(
    ToyRunConfig Config,
    int Iterations,
    double Seconds,
    bool Cancelled,
    ModeReport? FinalModes,
    IReadOnlyList<ToyHistoryPoint> History,
    string OutputDirectory,
    IReadOnlyList<string> Files);
