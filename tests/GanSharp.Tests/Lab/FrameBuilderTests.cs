using System.Runtime.InteropServices;
using System.Text.Json;
using GanSharp.Distributions;
using GanSharp.Lab;
using GanSharp.Runs;
using GanSharp.Tests.Runs;
using static TorchSharp.torch;

namespace GanSharp.Tests.Lab;

public sealed class FrameBuilderTests
{
    private static JsonElement Frame(GanRun run, FrameBuilder builder) =>
        JsonDocument.Parse(builder.Frame(run, w => w.WriteNumber("seq", 1), fresh: true)).RootElement;

    /// <summary>A point or grid array of a frame: base-64 of its float32 bytes, little-endian.</summary>
    private static float[] Floats(JsonElement frame, string name) => MemoryMarshal.Cast<byte, float>(frame.GetProperty(name).GetBytesFromBase64()).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]   // PacGAN: D judges pairs, and the page draws it on pairs of copies of each point
    public void Moving_the_generated_points_along_their_arrows_raises_D_as_the_objective_asks(int pack)
    {
        using var data = RunData.Points(TargetDistributions.Ring());
        using var run = GanRun.InMemory(Settings.Of("ring", ("g_width", 16), ("d_width", 16), ("batch_size", 64), ("seed", 5), ("threads", 1), ("pack", pack)), data);
        for (int i = 0; i < 30; i++) run.Step();
        using var builder = new FrameBuilder(run, runId: 1);
        var frame = Frame(run, builder);
        var fake = Floats(frame, "fake").Take(2 * FrameBuilder.ArrowPoints).ToArray();
        var arrows = Floats(frame, "arrows");
        Assert.Equal(fake.Length, arrows.Length);
        // −∂L_G/∂x with L_G = −log D (non-saturating): a small step along each arrow raises log D at that point.
        const float step = 1e-3f;
        using var at = tensor(fake, new long[] { FrameBuilder.ArrowPoints, 2 });
        using var moved = tensor(fake.Zip(arrows, (x, g) => x + step * g).ToArray(), new long[] { FrameBuilder.ArrowPoints, 2 });
        using var before = run.Trainer.DiscriminatorProbability(at);
        using var after = run.Trainer.DiscriminatorProbability(moved);
        using var rose = (after.log() - before.log()).gt(0).to_type(float32).mean();
        Assert.True(rose.item<float>() > 0.95f, $"D rose at only {rose.item<float>():P0} of the points");

        // D on the grid and D* = p_data / (p_data + p_G) are probabilities, one per cell.
        var d = Floats(frame, "d");
        var dStar = Floats(frame, "dstar");
        Assert.Equal(FrameBuilder.GridSize * FrameBuilder.GridSize, d.Length);
        Assert.Equal(d.Length, dStar.Length);
        Assert.All(d.Concat(dStar), v => Assert.InRange(v, 0f, 1f));
        var stats = frame.GetProperty("stats");
        // JSD from V̂ = (V̂ + log 4)/2 (Goodfellow et al. 2014, Theorem 1).
        Assert.Equal((stats.GetProperty("value").GetDouble() + Math.Log(4)) / 2, stats.GetProperty("jsd_from_d").GetDouble(), 4);
        Assert.InRange(stats.GetProperty("jsd").GetDouble(), -0.05, Math.Log(2) + 0.05);
    }

    [Fact]
    public void A_one_dimensional_target_gets_its_curves_on_one_grid()
    {
        using var data = RunData.Points(TargetDistributions.Mixture1D());
        using var run = GanRun.InMemory(Settings.Of("mixture1d", ("g_width", 16), ("d_width", 16), ("batch_size", 64), ("seed", 5), ("threads", 1)), data);
        using var builder = new FrameBuilder(run, runId: 1);
        var setup = JsonDocument.Parse(builder.Setup(run)).RootElement;
        var frame = Frame(run, builder);
        int n = Floats(setup, "curve_x").Length;
        Assert.Equal(FrameBuilder.CurvePoints, n);
        foreach (var curve in new[] { "d", "dstar", "p_data", "p_g" }) Assert.Equal(n, Floats(frame, curve).Length);
        // p_data is the exact mixture density: ½ N(−2, 0.3²) + ½ N(2, 0.3²) peaks at ½ / (0.3·√(2π)) ≈ 0.665.
        Assert.Equal(0.5 / (0.3 * Math.Sqrt(2 * Math.PI)), Floats(frame, "p_data").Max(), 1);
    }
}
