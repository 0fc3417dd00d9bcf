using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GanSharp.Runtime;

/// <summary>
/// Prepares the process environment before libtorch's native code loads.
/// </summary>
/// <remarks>
/// libtorch's OpenMP worker threads spin while they wait for work. On a small machine where
/// anything else competes for the cores, a toy training step went from 34 ms to 1,700 ms.
/// <c>OMP_WAIT_POLICY=PASSIVE</c> makes them sleep instead. OpenMP reads it once, when it loads,
/// from the C environment — which .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// does not update on Linux — so it is set through libc's <c>setenv</c>. A value the user already
/// set is kept.
/// <para>
/// <c>ONEDNN_MAX_CPU_ISA=AVX2</c> keeps oneDNN, which computes libtorch's float32 convolutions on the CPU, off its AVX-512 kernels. On
/// this project's AMD EPYC machines (AVX-512 with VNNI and BF16) those kernels returned wrong input gradients for strided convolutions
/// with few output channels (the 28-pixel DCGAN discriminator's first layer at 4 or 8 features: relative error 0.2–0.6 against float64,
/// at times NaN); capped at AVX2, the same convolutions agree with float64 to 10⁻⁶ (docs/known-issues.md). A value the user set is kept.
/// </para>
/// </remarks>
public static class NativeEnvironment
{
    private static int _configured;

    /// <summary>The OpenMP wait policy that GanSharp sets when the user has not chosen one.</summary>
    public const string DefaultOmpWaitPolicy = "PASSIVE";

    /// <summary>The highest instruction set oneDNN may use, when the user has not chosen one.</summary>
    public const string DefaultOneDnnMaxIsa = "AVX2";

    /// <summary>Runs when the GanSharp assembly loads; safe to call again.</summary>
    [ModuleInitializer]
    internal static void OnLoad() => Configure();

    /// <summary>Sets native environment defaults once per process; call before the first TorchSharp call.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        SetIfUnset("OMP_WAIT_POLICY", DefaultOmpWaitPolicy);
        SetIfUnset("ONEDNN_MAX_CPU_ISA", DefaultOneDnnMaxIsa);
    }

    /// <summary>The value the C runtime (and so native libraries) sees for <paramref name="name"/>.</summary>
    public static string? GetNative(string name)
    {
        if (OperatingSystem.IsWindows()) return Environment.GetEnvironmentVariable(name);
        var p = getenv(name);
        return p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);
    }

    private static void SetIfUnset(string name, string value)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) return;
        if (OperatingSystem.IsWindows())
        {
            Environment.SetEnvironmentVariable(name, value);
            return;
        }
        // overwrite = 0: never replaces a value set natively. It fails only for an invalid name or out of memory;
        // then the library keeps its default, as it would without this class, so the result is not checked.
        _ = setenv(name, value, 0);
        Environment.SetEnvironmentVariable(name, value);
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int setenv(string name, string value, int overwrite);

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern IntPtr getenv(string name);
}
