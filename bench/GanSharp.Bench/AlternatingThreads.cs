using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GanSharp.Runtime;
using TorchSharp;

namespace GanSharp.Bench;

/// <summary>
/// Times one row at several thread counts in one process, switching count every few iterations, so that
/// whatever else the machine does hits every count alike (bench/threads.sh, BENCHMARKS.md "Thread count").
/// </summary>
/// <remarks>
/// Block b runs at counts[b mod n]: one untimed iteration after the switch (the pool's threads wake or park),
/// then <see cref="BenchArguments.Block"/> timed ones, each with the share of the machine that other processes used
/// (<see cref="MachineBusy"/>) over the window of blocks it belongs to (a quarter of a second or more). Nothing else is
/// read between iterations: reading every thread's scheduler statistics each iteration cost 1–2 ms of CPU per iteration and
/// disturbed the timings.
/// </remarks>
internal static class AlternatingThreads
{
    private const double WindowMs = 250;

    public static void Run(IBenchRow row, BenchArguments arguments, int[] counts)
    {
        foreach (int count in counts)
        {
            ThreadPolicy.SetThreads(count);
            for (int i = 0; i < arguments.Warmup; i++) row.Step();
        }

        int total = arguments.Iterations * counts.Length;
        var times = new List<double>(total);
        var threads = new List<int>(total);
        var others = new List<double>(total);
        var machine = new MachineBusy();
        machine.Start();
        var cpu = counts.ToDictionary(c => c, _ => TimeSpan.Zero);
        var clock = new Stopwatch();
        var process = Process.GetCurrentProcess();
        for (int block = 0; times.Count < total; block++)
        {
            int count = counts[block % counts.Length];
            ThreadPolicy.SetThreads(count);
            row.Step();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            for (int i = 0; i < arguments.Block; i++)
            {
                clock.Restart();
                row.Step();
                times.Add(clock.Elapsed.TotalMilliseconds);
                threads.Add(count);
            }
            // The kernel counts the machine's time in 10 ms ticks: the share is taken over windows of several blocks.
            if (machine.ElapsedMs >= WindowMs || times.Count >= total)
            {
                others.AddRange(Enumerable.Repeat(machine.OthersShare(), times.Count - others.Count));
                machine.Start();
            }
            process.Refresh();
            cpu[count] += process.TotalProcessorTime - cpuBefore;
        }

        var result = new Dictionary<string, object?>
        {
            ["side"] = "gansharp",
            ["row"] = arguments.Row,
            ["alternate"] = counts,
            ["block"] = arguments.Block,
            ["iterations_per_count"] = arguments.Iterations,
            ["warmup_per_count"] = arguments.Warmup,
            ["times_ms"] = times,
            ["threads"] = threads,
            ["others_share"] = others.All(double.IsFinite) ? others : null,
            // Includes the untimed iteration after each switch: CPU per block divided by the block's iterations + 1.
            ["cpu_ms_per_iteration"] = counts.ToDictionary(c => c.ToString(CultureInfo.InvariantCulture),
                c => cpu[c].TotalMilliseconds / (threads.Count(t => t == c) * (arguments.Block + 1.0) / arguments.Block)),
            ["forward_flops"] = row.ForwardFlops,
            ["physical_cores"] = ThreadPolicy.PhysicalCores(),
            ["policy_threads"] = ThreadPolicy.Recommend(row.ForwardFlops, ThreadPolicy.PhysicalCores()),
            ["runtime"] = $"TorchSharp {typeof(torch).Assembly.GetName().Version}, .NET {Environment.Version}",
        };
        var json = JsonSerializer.Serialize(result);
        if (arguments.Out is null) Console.WriteLine(json);
        else File.WriteAllText(arguments.Out, json);

        foreach (int count in counts)
        {
            var mine = times.Where((_, i) => threads[i] == count).Order().ToArray();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gansharp {arguments.Row} at {count} thread(s): median {mine[mine.Length / 2]:F3} ms over {mine.Length} iterations"));
        }
    }
}
