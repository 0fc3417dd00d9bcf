using System.Globalization;
using System.Runtime.InteropServices;
using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Models;
using GanSharp.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace GanSharp.Bench;

/// <summary>
/// Where a toy iteration's time goes: the phases of Algorithm 1 written out with the library's models, losses and
/// sampler, timed by the thread's own CPU clock (immune to waiting for a core). bench/pytorch/phases.py is its mirror.
/// </summary>
internal static class PhaseProfile
{
    private static readonly string[] Phases =
    {
        "real batch (ring sampler)", "noise", "G forward, no grad", "D forward on real and fake + loss", "zero_grad of D",
        "D backward", "Adam step of D", "G and D forward for G's loss", "zero_grad + backward for G", "Adam step of G", "numbers read to the host",
    };

    /// <summary>Prints thread CPU milliseconds per phase, averaged over <paramref name="iterations"/> after <paramref name="warmup"/>.</summary>
    public static void Run(int batch, int iterations, int warmup)
    {
        manual_seed(0);
        var mlp = new MlpOptions(3, 128, Activation.ReLU);
        using var g = new MlpGenerator(2, new long[] { 2 }, mlp);
        using var d = new MlpDiscriminator(new long[] { 2 }, mlp);
        using var data = new DistributionBatchSource(TargetDistributions.Ring(), 1);
        using var optD = optim.Adam(d.parameters(), 1e-4, 0.5, 0.999);
        using var optG = optim.Adam(g.parameters(), 1e-4, 0.5, 0.999);
        using var noise = new torch.Generator(2);
        var total = new double[Phases.Length];
        for (int it = 0; it < warmup + iterations; it++)
        {
            using var scope = NewDisposeScope();
            int phase = 0;
            double last = ThreadCpuMs();
            void Mark()
            {
                double now = ThreadCpuMs();
                if (it >= warmup) total[phase] += now - last;
                phase++;
                last = now;
            }
            var real = data.NextBatch(batch); Mark();
            var z = PriorSampler.Sample(NoisePrior.Normal, batch, 2, noise); Mark();
            Tensor fake;
            using (no_grad()) fake = g.forward(z);
            Mark();
            var realLogits = d.forward(real);
            var fakeLogits = d.forward(fake);
            var dLoss = GanLosses.DiscriminatorLoss(realLogits, fakeLogits); Mark();
            optD.zero_grad(); Mark();
            dLoss.backward(); Mark();
            optD.step(); Mark();
            var gLoss = GanLosses.NonSaturatingGeneratorLoss(d.forward(g.forward(PriorSampler.Sample(NoisePrior.Normal, batch, 2, noise)))); Mark();
            optG.zero_grad();
            gLoss.backward(); Mark();
            optG.step(); Mark();
            _ = stack(new[] { dLoss.detach(), gLoss.detach() }).to_type(float64).data<double>().ToArray(); Mark();
        }
        Console.WriteLine($"| phase (GanSharp, batch {batch}, threads {torch.get_num_threads()}) | thread CPU ms per iteration |");
        Console.WriteLine("|---|---|");
        for (int i = 0; i < Phases.Length; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Phases[i]} | {total[i] / iterations:F3} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| total | {total.Sum() / iterations:F3} |"));
    }

    private const int ClockThreadCpuTime = 3;   // CLOCK_THREAD_CPUTIME_ID on Linux

    private static double ThreadCpuMs()
    {
        clock_gettime(ClockThreadCpuTime, out var t);
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
