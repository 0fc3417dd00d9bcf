using System.Diagnostics;
using System.Globalization;
using GanSharp.Metrics;
using GanSharp.Theory.Experiments;

namespace GanSharp.Tests.Theory;

public sealed class TheoryRunCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ModeReport Report(int modes) => new(modes, 25, modes / 25.0, 0.125, 2500, Enumerable.Range(0, 25).Select(i => i < modes ? 100 : 0).ToArray());

    private static (string, Func<T>)[] Jobs<T>(params (string Key, Func<T> Compute)[] jobs) => jobs.Select(j => (j.Key, j.Compute)).ToArray();

    [Fact]
    public void Each_run_is_computed_once_and_a_second_process_reads_every_result_back_in_order()
    {
        var folder = _dir.File("runs");
        int calls = 0;
        var cache = new TheoryRunCache(folder);
        var first = cache.Run(Jobs(("a-seed1", () => { calls++; return Report(21); }), ("a-seed2", () => { calls++; return Report(25); })));
        Assert.Equal((2, 0), (calls, cache.Reused));
        var again = new TheoryRunCache(folder);
        var second = again.Run(Jobs<ModeReport>(("a-seed1", () => throw new InvalidOperationException("trained again")), ("a-seed2", () => throw new InvalidOperationException("trained again"))));
        Assert.Equal(new[] { 21, 25 }, second.Select(r => r.ModesCaptured));
        Assert.Equal(first[1].HighQualityPerMode, second[1].HighQualityPerMode);
        Assert.Equal((0.125, 2), (second[0].ReverseKl, again.Reused));
        Assert.Empty(Directory.GetFiles(folder, "*.claim").Concat(Directory.GetFiles(folder, "*.tmp")));
    }

    [Fact]
    public void A_run_claimed_by_a_living_process_is_left_to_it_and_its_result_waited_for_while_the_others_are_trained()
    {
        var folder = Directory.CreateDirectory(_dir.File("runs")).FullName;
        using var other = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            File.WriteAllText(Path.Combine(folder, "b-seed1.claim"), other.Id.ToString(CultureInfo.InvariantCulture));
            var order = new List<string>();
            var cache = new TheoryRunCache(folder, TimeSpan.FromMilliseconds(50));
            ModeReport First()
            {
                order.Add("b-seed1");
                return Report(1);
            }
            ModeReport Second()
            {
                order.Add("b-seed2");
                // The other process finishes its run while this one trains b-seed2.
                File.WriteAllText(Path.Combine(folder, "b-seed1.json"), System.Text.Json.JsonSerializer.Serialize(Report(17)));
                return Report(24);
            }
            var results = cache.Run(Jobs<ModeReport>(("b-seed1", First), ("b-seed2", Second)));
            Assert.Equal(new[] { "b-seed2" }, order);
            Assert.Equal(new[] { 17, 24 }, results.Select(r => r.ModesCaptured));
            Assert.Equal(1, cache.Reused);
        }
        finally
        {
            other.Kill();
        }
    }

    [Fact]
    public void A_claim_whose_process_has_gone_is_taken_over()
    {
        var folder = Directory.CreateDirectory(_dir.File("runs")).FullName;
        int gone;
        using (var finished = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            finished.WaitForExit();
            gone = finished.Id;
        }
        File.WriteAllText(Path.Combine(folder, "c-seed1.claim"), gone.ToString(CultureInfo.InvariantCulture));
        var results = new TheoryRunCache(folder, TimeSpan.FromMilliseconds(50)).Run(Jobs(("c-seed1", () => Report(9))));
        Assert.Equal(9, results.Single().ModesCaptured);
        Assert.False(File.Exists(Path.Combine(folder, "c-seed1.claim")));
        Assert.True(File.Exists(Path.Combine(folder, "c-seed1.json")));
    }

    [Fact]
    public void A_run_that_fails_leaves_no_claim_and_no_result_so_the_next_attempt_trains_it()
    {
        var folder = _dir.File("runs");
        var cache = new TheoryRunCache(folder);
        Assert.Throws<InvalidOperationException>(() => cache.Run(Jobs<ModeReport>(("d-seed1", () => throw new InvalidOperationException("diverged")))));
        Assert.Empty(Directory.GetFiles(folder));
        Assert.Equal(3, cache.Run(Jobs(("d-seed1", () => Report(3)))).Single().ModesCaptured);
    }
}
