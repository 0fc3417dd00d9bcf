using System.Globalization;

namespace GanSharp.Bench;

/// <summary>
/// How long this process's threads have waited for a core: the sum over its threads of the kernel's run delay
/// (time runnable but not running, the second field of <c>/proc/self/task/*/schedstat</c>).
/// </summary>
/// <remarks>
/// An iteration during which no thread waited ran as on a quiet machine, whatever the load average said; the
/// thread measurements (bench/threads.sh, docs/threads.md) compare such iterations on a machine shared with others.
/// </remarks>
internal static class SchedulerWait
{
    private const string Tasks = "/proc/self/task";

    /// <summary>Milliseconds waited so far by the live threads, or NaN where the kernel does not report it.</summary>
    public static double TotalMs()
    {
        if (!Directory.Exists(Tasks)) return double.NaN;
        long nanoseconds = 0;
        foreach (var task in Directory.EnumerateDirectories(Tasks))
        {
            try
            {
                var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                nanoseconds += long.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }
        return nanoseconds / 1e6;
    }
}
