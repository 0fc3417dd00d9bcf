using System.Diagnostics;
using System.Globalization;

namespace GanSharp.Bench;

/// <summary>
/// How much of the machine's CPU time other processes used over an interval: the machine's busy time
/// (<c>/proc/stat</c>, in clock ticks) less this process's CPU time, as a share of cores × elapsed time.
/// </summary>
/// <remarks>
/// The kernel counts the machine's time in ticks of 10 ms, so over a quarter of a second the share is good to about
/// ±0.04 on two cores; the thread measurements use it to tell a quiet stretch of a shared machine from a busy one.
/// </remarks>
internal sealed class MachineBusy
{
    private const string Stat = "/proc/stat";
    private const double TickMs = 10;
    private readonly Process _self = Process.GetCurrentProcess();
    private readonly Stopwatch _clock = new();
    private double _busyMs;
    private double _ownMs;

    /// <summary>Starts an interval.</summary>
    public void Start()
    {
        _busyMs = MachineBusyMs();
        _self.Refresh();
        _ownMs = _self.TotalProcessorTime.TotalMilliseconds;
        _clock.Restart();
    }

    /// <summary>Milliseconds since <see cref="Start"/>.</summary>
    public double ElapsedMs => _clock.Elapsed.TotalMilliseconds;

    /// <summary>The share (0 to 1) of all cores that other processes used since <see cref="Start"/>; NaN where unknown.</summary>
    public double OthersShare()
    {
        double elapsed = _clock.Elapsed.TotalMilliseconds;
        _self.Refresh();
        double own = _self.TotalProcessorTime.TotalMilliseconds - _ownMs;
        double busy = MachineBusyMs() - _busyMs;
        return Math.Clamp((busy - own) / (elapsed * Environment.ProcessorCount), 0, 1);
    }

    private static double MachineBusyMs()
    {
        if (!File.Exists(Stat)) return double.NaN;
        using var reader = new StreamReader(Stat);
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) * TickMs;
    }
}
