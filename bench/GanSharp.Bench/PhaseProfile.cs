using System.Globalization;
using System.Runtime.InteropServices;
using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanSharp.Bench;

/// <summary>
/// Where a toy iteration's time goes: the library's own <see cref="GanTrainer.Step"/> on the demo's models, split at the phase
/// boundaries the trainer reports (<see cref="GanTrainer.PhaseEnded"/>), timed by the thread's own CPU clock (immune to waiting
/// for a core). bench/pytorch/phases.py is its mirror.
/// </summary>
internal static class PhaseProfile
{
    private static readonly string[] Phases =
    {
        GanTrainer.DiscriminatorPhase, GanTrainer.GeneratorGradientPhase, GanTrainer.GeneratorUpdatePhase, GanTrainer.ReadbackPhase, "events and dispose scope",
    };

    /// <summary>Prints thread CPU milliseconds per phase, averaged over <paramref name="iterations"/> after <paramref name="warmup"/>.</summary>
    public static void Run(int batch, int iterations, int warmup)
    {
        var options = new TrainingOptions(Iterations: int.MaxValue, BatchSize: batch, Seed: 0);
        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
        var mlp = new MlpOptions(3, 128, Activation.ReLU);
        var g = new MlpGenerator(2, new long[] { 2 }, mlp);
        var d = new MlpDiscriminator(new long[] { 2 }, mlp);
        using var data = new DistributionBatchSource(TargetDistributions.Ring(), RandomStreams.Seed(options.Seed, RandomStreams.Data));
        using var trainer = new GanTrainer(g, d, data, options);
        var total = new double[Phases.Length];
        int phase = 0;
        double last = 0;
        bool measuring = false;
        trainer.PhaseEnded = _ =>
        {
            double now = ThreadCpuMs();
            if (measuring) total[phase] += now - last;
            phase++;
            last = now;
        };
        for (int it = 0; it < warmup + iterations; it++)
        {
            measuring = it >= warmup;
            phase = 0;
            last = ThreadCpuMs();
            trainer.Step();
            if (measuring) total[^1] += ThreadCpuMs() - last;
        }
        Console.WriteLine($"| phase (GanSharp GanTrainer.Step, batch {batch}, threads {torch.get_num_threads()}) | thread CPU ms per iteration |");
        Console.WriteLine("|---|---|");
        for (int i = 0; i < Phases.Length; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Phases[i]} | {total[i] / iterations:F3} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| total | {total.Sum() / iterations:F3} |"));
    }

    private const int ClockThreadCpuTime = 3;   // CLOCK_THREAD_CPUTIME_ID on Linux

    private static double ThreadCpuMs()
    {
        if (clock_gettime(ClockThreadCpuTime, out var t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out Timespec time);
}
