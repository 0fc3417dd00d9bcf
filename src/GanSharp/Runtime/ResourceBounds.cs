using System.Globalization;

namespace GanSharp.Runtime;

/// <summary>
/// Limits checked before work starts, so that a mistyped number ends in a message instead of a machine that hangs or a native
/// allocation failure: the thread count against the cores, and an estimate of the memory a batch or a sample count needs against
/// the machine's memory.
/// </summary>
public static class ResourceBounds
{
    /// <summary>Threads allowed per logical processor: above this, threads only wait for each other.</summary>
    public const int ThreadsPerCore = 4;

    /// <summary>The most threads a run may ask for: <see cref="ThreadsPerCore"/> × the logical processors.</summary>
    public static int MaxThreads => ThreadsPerCore * Environment.ProcessorCount;

    /// <summary>Memory this process may use: the machine's physical memory or the container's limit, as the runtime sees it.</summary>
    public static long AvailableMemoryBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>A problem with <paramref name="threads"/> (0 = automatic), or null when it is within <see cref="MaxThreads"/>.</summary>
    public static string? ThreadProblem(int threads) =>
        threads > MaxThreads
            ? Invariant($"threads {threads} is more than this machine can use: at most {MaxThreads} ({ThreadsPerCore} × {Environment.ProcessorCount} logical processors); 0 lets gansharp choose.")
            : null;

    /// <summary>
    /// A problem when <paramref name="estimatedBytes"/> exceed <see cref="AvailableMemoryBytes"/>, naming <paramref name="what"/>
    /// (the option and its value) and the estimate (<paramref name="how"/>: how it was estimated); null when it fits.
    /// </summary>
    public static string? MemoryProblem(double estimatedBytes, string what, string how)
    {
        long available = AvailableMemoryBytes;
        return estimatedBytes > available
            ? $"{what} needs about {FormatBytes(estimatedBytes)} of memory ({how}), more than the {FormatBytes(available)} this machine has: choose a smaller value."
            : null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with <see cref="MemoryProblem"/>'s message when the estimate does not fit.</summary>
    /// <exception cref="ArgumentException">The estimate exceeds the machine's memory.</exception>
    public static void EnsureMemory(double estimatedBytes, string what, string how)
    {
        if (MemoryProblem(estimatedBytes, what, how) is { } problem) throw new ArgumentException(problem);
    }

    /// <summary>A byte count for people: "512 MiB", "1.5 TiB" (binary units, invariant culture).</summary>
    public static string FormatBytes(double bytes)
    {
        string[] units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
        int unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return Invariant($"{bytes:0.#} {units[unit]}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
