using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GanSharp.Bench;
using TorchSharp;

// GanSharp side of bench/run.sh: times one row and writes its per-iteration times as JSON.
// Usage: GanSharp.Bench <row> [--iterations N] [--warmup N] [--threads N | --alternate 1,2 [--block N]] [--rss-every N] [--out file.json]
// Rows: toy100, toy512, toy<batch>[w<width>], dcgan28, dcgan28b<batch>, dcgan64, sample64, matmul; phases<batch> prints a per-phase CPU profile instead. Without --threads the library's own default applies.
var arguments = BenchArguments.Parse(args);
if (arguments.Threads is int threads) GanSharp.Runtime.ThreadPolicy.SetThreads(threads);
if (arguments.Row.StartsWith("phases", StringComparison.Ordinal))
{
    // Profile, not a timed row: phases<batch> prints where a toy iteration's CPU time goes.
    torch.set_num_threads(arguments.Threads ?? 1);
    PhaseProfile.Run(int.Parse(arguments.Row["phases".Length..], CultureInfo.InvariantCulture), arguments.Iterations, arguments.Warmup);
    return;
}

using IBenchRow row = BenchRows.Create(arguments.Row);
if (arguments.Alternate is int[] counts)
{
    AlternatingThreads.Run(row, arguments, counts);
    return;
}
for (int i = 0; i < arguments.Warmup; i++) row.Step();

var times = new double[arguments.Iterations];
var rss = new List<double[]>();
double rssAfterWarmup = ResidentMemory.CurrentMiB();
var clock = new Stopwatch();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
for (int i = 0; i < arguments.Iterations; i++)
{
    clock.Restart();
    row.Step();
    times[i] = clock.Elapsed.TotalMilliseconds;
    if (arguments.RssEvery > 0 && (i + 1) % arguments.RssEvery == 0) rss.Add(new[] { i + 1.0, ResidentMemory.CurrentMiB() });
}
var cpuPerIteration = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / arguments.Iterations;

var result = new Dictionary<string, object?>
{
    ["side"] = "gansharp",
    ["row"] = arguments.Row,
    ["threads"] = torch.get_num_threads(),
    ["iterations"] = arguments.Iterations,
    ["warmup"] = arguments.Warmup,
    ["times_ms"] = times,
    ["cpu_ms_per_iteration"] = cpuPerIteration,
    ["flops_per_iteration"] = row.FlopsPerIteration,
    ["forward_flops"] = row.ForwardFlops,
    ["load_at_end"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null,
    ["rss_after_warmup_mib"] = rssAfterWarmup,
    ["rss_mib"] = rss,
    ["peak_rss_mib"] = ResidentMemory.PeakMiB(),
    ["runtime"] = $"TorchSharp {typeof(torch).Assembly.GetName().Version}, .NET {Environment.Version}",
};
var json = JsonSerializer.Serialize(result);
if (arguments.Out is null) Console.WriteLine(json);
else File.WriteAllText(arguments.Out, json);

var sorted = times.Order().ToArray();
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"gansharp {arguments.Row}: median {sorted[sorted.Length / 2]:F3} ms (CPU {cpuPerIteration:F3} ms) over {times.Length} iterations, threads {torch.get_num_threads()}, peak RSS {ResidentMemory.PeakMiB():F0} MiB"));
