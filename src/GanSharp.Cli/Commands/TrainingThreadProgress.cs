using System.Diagnostics;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>
/// A Spectre progress display that is redrawn on the training thread, at most every <see cref="Interval"/>, instead of by Spectre's own refresh thread.
/// </summary>
/// <remarks>
/// Why not Spectre's refresh thread: TorchSharp 0.107 hands implicit <c>Scalar</c> temporaries (such as Adam's 1 − β₂, or the 2.0 in
/// <c>x * 2.0</c>) to native code without keeping them alive for the call. A garbage collection started by another thread during that call
/// lets the finalizer free the Scalar while libtorch still reads it: "INTERNAL ASSERT FAILED at c10/core/Scalar.h:279" (or :140) or worse.
/// With every allocation on the training thread no other thread starts a collection. <c>bench/ScalarRace</c> reproduces the race;
/// docs/known-issues.md explains it.
/// </remarks>
internal sealed class TrainingThreadProgress
{
    /// <summary>Shortest time between two redraws.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly ProgressContext _context;
    private readonly Stopwatch _sinceRedraw = Stopwatch.StartNew();

    private TrainingThreadProgress(ProgressContext context) => _context = context;

    /// <summary>Shows the progress display while <paramref name="body"/> runs on this thread; the body calls <see cref="Tick"/> to let it redraw.</summary>
    public static void Show(IAnsiConsole console, ProgressColumn[] columns, Action<ProgressContext, TrainingThreadProgress> body) =>
        console.Progress().AutoRefresh(false).Columns(columns).Start(context =>
        {
            var progress = new TrainingThreadProgress(context);
            context.Refresh();
            body(context, progress);
            context.Refresh();
        });

    /// <summary>Redraws if <see cref="Interval"/> has passed since the last redraw.</summary>
    public void Tick()
    {
        if (_sinceRedraw.Elapsed < Interval) return;
        _context.Refresh();
        _sinceRedraw.Restart();
    }

    /// <summary>Redraws now.</summary>
    public void Redraw()
    {
        _context.Refresh();
        _sinceRedraw.Restart();
    }
}
