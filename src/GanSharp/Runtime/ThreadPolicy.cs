using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanSharp.Runtime;

/// <summary>
/// Chooses libtorch's intra-op thread count for the models being trained, unless the user chose one.
/// </summary>
/// <remarks>
/// libtorch starts one OpenMP thread per core. On a small model every operation is so short that
/// splitting it across threads costs more than it saves, and when another process holds a core each
/// parallel region waits for the descheduled thread: on a 2-core machine the toy GAN step (3 × 128 MLPs)
/// took 15 ms with 1 thread and 90 ms with 2 while other work ran (bench/run.sh, BENCHMARKS.md).
/// Large convolutional models do gain from every core. The rule is deterministic (no timing), so the
/// same program on the same machine always runs with the same thread count and gives the same numbers.
/// The user's choice wins: <c>OMP_NUM_THREADS</c> in the environment, <see cref="Automatic"/> = false,
/// <see cref="SetThreads"/>, or a <c>torch.set_num_threads</c> call made before training starts.
/// </remarks>
public static class ThreadPolicy
{
    private static readonly object Gate = new();
    private static int? _lastApplied;

    /// <summary>
    /// Below this many floating-point operations per forward pass, one thread is faster than several.
    /// </summary>
    /// <remarks>The toy MLP at batch 512 needs about 3.4·10⁷ (1 thread fastest); the DCGAN-28 generator at batch 64 about 10⁸ even by the lower bound below.</remarks>
    public const double SmallModelFlops = 6.4e7;

    /// <summary>Whether GanSharp picks the thread count (true unless the user turns it off or calls <see cref="SetThreads"/>).</summary>
    public static bool Automatic { get; set; } = true;

    /// <summary>The thread count for a forward pass of about <paramref name="forwardFlops"/> operations on <paramref name="cores"/> cores.</summary>
    /// <remarks>threads = 1 if flops &lt; <see cref="SmallModelFlops"/> or cores ≤ 1, else cores.</remarks>
    public static int Recommend(double forwardFlops, int cores)
    {
        if (cores < 1) throw new ArgumentOutOfRangeException(nameof(cores), cores, "A machine has at least one core.");
        if (double.IsNaN(forwardFlops) || forwardFlops < 0) throw new ArgumentOutOfRangeException(nameof(forwardFlops), forwardFlops, "Operation counts are zero or more.");
        return forwardFlops < SmallModelFlops ? 1 : cores;
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
