using GanSharp.Runs;

namespace GanSharp.Tests.Runs;

/// <summary>Runs stopped as SIGKILL stops them, for resume tests.</summary>
internal static class KilledRuns
{
    /// <summary>
    /// Starts <paramref name="options"/> in <paramref name="directory"/> and kills it at <paramref name="iteration"/>: no final checkpoint,
    /// the process state lost, the checkpoints written before it left on disk.
    /// </summary>
    public static void StartAndKillAt(RunOptions options, string directory, int iteration)
    {
        using var killed = GanRun.Start(options, directory);
        killed.Progress += p => { if (p.Iteration == iteration) throw new OperationCanceledException("killed"); };
        Assert.Throws<OperationCanceledException>(() => killed.Run());
    }
}
