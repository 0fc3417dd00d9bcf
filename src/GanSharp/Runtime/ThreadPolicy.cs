using TorchSharp;
using static TorchSharp.torch;

namespace GanSharp.Runtime;

/// <summary>
/// Chooses libtorch's intra-op thread count from the size of the work, unless the user chose one.
/// </summary>
/// <remarks>
/// libtorch starts one OpenMP thread per core. Splitting an operation across threads pays only when each thread
/// gets enough of it. On a quiet 2-core machine (bench/threads.sh --rounds 4; the tables in BENCHMARKS.md, "Thread count")
/// the toy GAN step (3 × 128 MLPs) took 1.27 × as long on 2 threads at batch 100 (6.7·10⁶ operations per forward pass),
/// as long at batch 512 (3.4·10⁷) for 1.5 × the CPU, and DCGAN-28 at batch 64 (9.7·10⁷) 0.65 × as long. A parallel
/// region waits for its slowest thread: with one core busy, DCGAN-28 slowed ×1.40 on 2 threads and ×1.08 on 1, so on a
/// shared machine a second thread brings little.
/// The rule is a pure function of the work's size and the machine's core count (no timing), so the same command
/// on the same machine always runs with the same thread count, quiet or busy.
/// The user's choice wins: <c>OMP_NUM_THREADS</c> in the environment, <see cref="Automatic"/> = false,
/// <see cref="SetThreads"/>, or a <c>torch.set_num_threads</c> call made before the work starts.
/// </remarks>
public static class ThreadPolicy
{
    private static readonly object Gate = new();
    private static int? _lastApplied;

    /// <summary>
    /// The least work, in floating-point operations of one forward pass, that a thread must get for another thread to pay.
    /// </summary>
    /// <remarks>
    /// Measured on 2 cores (<c>bench/threads.sh --rounds 6 --wait-quiet 0.15</c>, GanSharp at 1 and 2 threads alternated
    /// in one process): 2 threads were slower than 1 up to 3.4·10⁷ operations and faster from 5·10⁷; the threshold is
    /// 2 × this constant, between the two. For more cores, each added thread must get as much work again; that part is
    /// not measured.
    /// </remarks>
    public const double MinFlopsPerThread = 2.5e7;

    /// <summary>Below this many operations per forward pass one thread is used: 2 × <see cref="MinFlopsPerThread"/>.</summary>
    public const double SmallModelFlops = 2 * MinFlopsPerThread;

    /// <summary>Whether GanSharp picks the thread count (true unless the user turns it off or calls <see cref="SetThreads"/>).</summary>
    public static bool Automatic { get; set; } = true;

    /// <summary>The thread count for a forward pass of about <paramref name="forwardFlops"/> operations on <paramref name="cores"/> cores.</summary>
    /// <remarks>threads = min(cores, max(1, ⌊flops / <see cref="MinFlopsPerThread"/>⌋)): every thread gets at least
    /// <see cref="MinFlopsPerThread"/> operations, so work below <see cref="SmallModelFlops"/> runs on one thread.</remarks>
    public static int Recommend(double forwardFlops, int cores)
    {
        if (cores < 1) throw new ArgumentOutOfRangeException(nameof(cores), cores, "A machine has at least one core.");
        if (double.IsNaN(forwardFlops) || forwardFlops < 0) throw new ArgumentOutOfRangeException(nameof(forwardFlops), forwardFlops, "Operation counts are zero or more.");
        return (int)Math.Clamp(Math.Floor(forwardFlops / MinFlopsPerThread), 1, cores);
    }

    /// <summary>A lower bound on the operations of one forward pass: every weight is used at least once per sample.</summary>
    /// <remarks>flops ≥ 2 · parameters · batch (one multiply and one add per weight; a convolution reuses each weight once per output pixel, so it does more).</remarks>
    public static double ForwardFlopsLowerBound(long parameters, long batchSize)
    {
        if (parameters < 0) throw new ArgumentOutOfRangeException(nameof(parameters), parameters, "Parameter counts are zero or more.");
        if (batchSize < 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Batch sizes are zero or more.");
        return 2.0 * parameters * batchSize;
    }

    /// <summary>The lower bound of <see cref="ForwardFlopsLowerBound(long, long)"/> for the largest of <paramref name="models"/> (by parameter count).</summary>
    public static double ForwardFlopsLowerBound(IEnumerable<nn.Module> models, long batchSize)
    {
        long largest = models.Select(m => m.parameters().Sum(p => p.numel())).DefaultIfEmpty(0).Max();
        return ForwardFlopsLowerBound(largest, batchSize);
    }

    /// <summary>Sets the thread count explicitly and turns the automatic choice off.</summary>
    public static void SetThreads(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "Use at least one thread.");
        lock (Gate)
        {
            Automatic = false;
            torch.set_num_threads(threads);
        }
    }

    /// <summary>
    /// Applies <see cref="Recommend"/> for the largest of <paramref name="models"/> at <paramref name="batchSize"/>,
    /// unless the user chose a thread count; returns the count set, or null when the choice was left alone.
    /// </summary>
    public static int? ApplyFor(IEnumerable<nn.Module> models, long batchSize)
        => ApplyForFlops(ForwardFlopsLowerBound(models, batchSize));

    /// <summary>
    /// Applies <see cref="Recommend"/> for work of about <paramref name="forwardFlops"/> operations per pass, unless the user chose a
    /// thread count; returns the count set, or null when the choice was left alone. Whatever trains or fits something calls this first,
    /// so its numbers do not depend on the thread count an earlier piece of work left behind.
    /// </summary>
    public static int? ApplyForFlops(double forwardFlops)
    {
        int threads = Recommend(forwardFlops, PhysicalCores());
        lock (Gate)
        {
            if (!Automatic || UserChoseThreads()) return null;
            if (torch.get_num_threads() != threads) torch.set_num_threads(threads);
            _lastApplied = threads;
            return threads;
        }
    }

    /// <summary>Physical cores (hyper-threads of one core counted once); the logical processor count where unknown.</summary>
    public static int PhysicalCores()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!OperatingSystem.IsLinux() || !File.Exists(cpuinfo)) return Environment.ProcessorCount;
        var cores = new HashSet<(string, string)>();
        string package = "0";
        foreach (var line in File.ReadLines(cpuinfo))
        {
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key == "physical id") package = value;
            else if (key == "core id") cores.Add((package, value));
        }
        return cores.Count == 0 ? Environment.ProcessorCount : Math.Min(cores.Count, Environment.ProcessorCount);
    }

    private static bool UserChoseThreads() =>
        !string.IsNullOrEmpty(NativeEnvironment.GetNative("OMP_NUM_THREADS"))
        || IsUserChoice(torch.get_num_threads(), _lastApplied, Environment.ProcessorCount, PhysicalCores());

    /// <summary>
    /// Whether a thread count of <paramref name="current"/> was set by the user: it differs from the last count
    /// applied here or, before the first, from libtorch's own default (one thread per logical or physical core).
    /// </summary>
    internal static bool IsUserChoice(int current, int? lastApplied, int logicalCores, int physicalCores) =>
        lastApplied is int applied ? current != applied : current != logicalCores && current != physicalCores;
}
