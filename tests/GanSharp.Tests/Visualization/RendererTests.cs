using System.Globalization;
using GanSharp.Visualization;
using SkiaSharp;

namespace GanSharp.Tests.Visualization;

public sealed class RendererTests : IDisposable
{
    private const string Green = "#2CA02C";
    private const string Blue = "#1F5FD6";
    private const string Red = "#D7301F";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Frame2D RingFrame(string title, double shift)
    {
        var angles = Enumerable.Range(0, 400).Select(i => 2 * Math.PI * i / 400).ToArray();
        var heat = new double[40, 40];
        for (int r = 0; r < 40; r++)
            for (int c = 0; c < 40; c++)
                heat[r, c] = c / 39.0;
        return new Frame2D(title,
            angles.Select(Math.Cos).Select(v => 2 * v).ToArray(), angles.Select(Math.Sin).Select(v => 2 * v).ToArray(),
            angles.Select(a => Math.Cos(a) + shift).ToArray(), angles.Select(Math.Sin).ToArray(),
            heat, new PlotRegion(-3, 3, -3, 3));
    }

    [Fact]
    public void A_2d_frame_is_a_png_of_the_asked_size_showing_green_real_and_blue_generated_points()
    {
        var path = _dir.File("frame.png");
        Frame2DRenderer.Render(RingFrame("ring · iteration 0", 0), path, 500, 400);
        var png = new PngPixels(path);
        Assert.Equal((500, 400), (png.Width, png.Height));
        Assert.True(png.CountNear(Green) > 200, "real points are green");
        Assert.True(png.CountNear(Blue) > 200, "generated points are blue");
        Assert.True(png.CountNear("#FDB863") > 100, "D = 1 cells and the colour bar's top are orange");
        Assert.True(png.CountNear("#B2ABD2") > 100, "D = 0 cells and the colour bar's bottom are purple");
    }

    [Fact]
    public void Generated_points_are_drawn_over_the_real_points_they_cover()
    {
        var path = _dir.File("covered.png");
        var covering = RingFrame("G has caught up", 0);
        // G's points exactly on the data's.
        Frame2DRenderer.Render(covering with { GeneratedX = covering.RealX, GeneratedY = covering.RealY }, path, 500, 400);
        var png = new PngPixels(path);
        Assert.True(png.CountNear(Blue) > 200, "generated points are visible");
        // Only the legend's green marker remains of the real points.
        Assert.True(png.CountNear(Green) < 60, $"{png.CountNear(Green)} green pixels: the real points were drawn over the generated ones");
    }

    private static Frame1D ShiftedNormalsFrame()
    {
        var x = PlotRegion.Linspace(-4, 4, 200);
        double Normal(double v, double m) => Math.Exp(-0.5 * (v - m) * (v - m)) / Math.Sqrt(2 * Math.PI);
        var pData = x.Select(v => Normal(v, 1)).ToArray();
        var pG = x.Select(v => Normal(v, -1)).ToArray();
        var d = x.Select(v => 1 / (1 + Math.Exp(-v))).ToArray();
        var dStar = pData.Select((p, i) => p / (p + pG[i])).ToArray();
        return new Frame1D("1d", x, pData, true, pG, d, dStar);
    }

    [Fact]
    public void A_1d_frame_draws_both_densities_and_the_discriminator()
    {
        var path = _dir.File("frame1d.png");
        Frame1DRenderer.Render(ShiftedNormalsFrame(), path, 600, 450);
        var png = new PngPixels(path);
        Assert.Equal((600, 450), (png.Width, png.Height));
        Assert.True(png.CountNear(Green) > 100);
        Assert.True(png.CountNear(Blue) > 100);
        Assert.True(png.CountNear(Red) > 100);
    }

    [Fact]
    public void A_frame_reads_the_same_in_a_culture_that_writes_decimal_commas()
    {
        // The right axis (D from 0 to 1.15) has ticks 0.2, 0.4, …, which German would draw as 0,2, 0,4, ….
        var invariant = _dir.File("invariant.png");
        var german = _dir.File("german.png");
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Frame1DRenderer.Render(ShiftedNormalsFrame(), invariant, 600, 450);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Frame1DRenderer.Render(ShiftedNormalsFrame(), german, 600, 450);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        Assert.Equal(File.ReadAllBytes(invariant), File.ReadAllBytes(german));
    }

    [Fact]
    public void The_curves_picture_has_the_asked_size_and_draws_each_series()
    {
        var it = Enumerable.Range(1, 50).Select(i => (double)i).ToArray();
        var curves = new TrainingCurves(it, it.Select(i => 1.4 - i / 100).ToArray(), it.Select(i => 0.7 + i / 100).ToArray(),
            it.Select(i => -1.4 + i / 100).ToArray(), it.Select(_ => 0.6).ToArray(), it.Select(_ => 0.4).ToArray(), it.Select(i => i / 10).ToArray(),
            new[] { 25.0, 50.0 }, new[] { 0.5, 1.0 }, new[] { 0.3, 0.9 });
        var path = _dir.File("curves.png");
        TrainingCurvesRenderer.Render(curves, path, 700, 800);
        var png = new PngPixels(path);
        Assert.Equal((700, 800), (png.Width, png.Height));
        Assert.True(png.CountNear(Red) > 50, "D loss is drawn");
        Assert.True(png.CountNear(Green) > 50, "mean D(x) on real data is drawn");
    }

    [Fact]
    public void The_gif_holds_one_frame_per_png_in_order()
    {
        var frames = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            frames.Add(_dir.File($"f{i}.png"));
            Frame2DRenderer.Render(RingFrame($"iteration {i}", i), frames[^1], 320, 280);
        }
        var gif = _dir.File("training.gif");
        GifWriter.Write(frames, gif);
        using var codec = SKCodec.Create(gif);
        Assert.Equal(SKEncodedImageFormat.Gif, codec.EncodedFormat);
        Assert.Equal(3, codec.FrameCount);
        Assert.Equal(new SKSizeI(320, 280), codec.Info.Size);
    }

    [Fact]
    public void Frames_of_different_sizes_cannot_be_joined()
    {
        var a = _dir.File("a.png");
        var b = _dir.File("b.png");
        Frame2DRenderer.Render(RingFrame("a", 0), a, 320, 280);
        Frame2DRenderer.Render(RingFrame("b", 0), b, 300, 280);
        var e = Assert.Throws<ArgumentException>(() => GifWriter.Write(new[] { a, b }, _dir.File("x.gif")));
        Assert.Contains("300×280", e.Message);
    }
}
