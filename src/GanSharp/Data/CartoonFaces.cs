using SkiaSharp;

namespace GanSharp.Data;

/// <summary>
/// 64×64 RGB anime-style faces rendered with SkiaSharp from discrete attributes (<see cref="CartoonFaceAttributes"/>: 5 hair colours ×
/// 4 eye colours × 3 skin tones × 3 mouths × 3 backgrounds = 540 combinations, the modes) plus continuous jitter (position ±3 px,
/// size ×0.9–1.1, angle ±6°, the number, places and lengths of the fringe's strands, the eyes' height): the homework's anime faces,
/// which cannot be downloaded here. Same seed, same images and labels.
/// </summary>
/// <remarks>Drawn without antialiasing, so every region is exactly its palette colour and labels can be checked on the pixels.</remarks>
public static class CartoonFaces
{
    /// <summary>The <c>--data</c> name.</summary>
    public const string Name = "cartoon-faces";

    /// <summary>Side of the images.</summary>
    public const int Side = 64;

    /// <summary>Images a run's data set holds (rendered from <see cref="DataSeed"/>; 10,000 × 3 × 64 × 64 floats are 492 MB).</summary>
    public const int DefaultCount = 10_000;

    /// <summary>Seed of the run data, fixed so that every run trains on the same faces, as on a downloaded set.</summary>
    public const long DataSeed = 0;

    /// <summary>Hair colours.</summary>
    public static readonly IReadOnlyList<(string Name, SKColor Colour)> HairColours = new[]
    {
        ("black", new SKColor(40, 40, 60)), ("blonde", new SKColor(240, 210, 90)), ("pink", new SKColor(245, 140, 190)),
        ("blue", new SKColor(70, 110, 220)), ("red", new SKColor(200, 50, 40)),
    };

    /// <summary>Eye (iris) colours.</summary>
    public static readonly IReadOnlyList<(string Name, SKColor Colour)> EyeColours = new[]
    {
        ("blue", new SKColor(30, 140, 250)), ("green", new SKColor(40, 170, 80)), ("red", new SKColor(230, 30, 60)), ("purple", new SKColor(140, 60, 200)),
    };

    /// <summary>Skin tones.</summary>
    public static readonly IReadOnlyList<(string Name, SKColor Colour)> SkinTones = new[]
    {
        ("pale", new SKColor(255, 228, 210)), ("tan", new SKColor(225, 180, 140)), ("brown", new SKColor(150, 100, 70)),
    };

    /// <summary>Mouths.</summary>
    public static readonly IReadOnlyList<string> MouthNames = new[] { "smile", "open", "flat" };

    /// <summary>Background colours.</summary>
    public static readonly IReadOnlyList<(string Name, SKColor Colour)> Backgrounds = new[]
    {
        ("sky", new SKColor(190, 225, 250)), ("mint", new SKColor(200, 245, 210)), ("lilac", new SKColor(225, 210, 245)),
    };

    /// <summary>Colour of every mouth.</summary>
    public static readonly SKColor MouthColour = new(120, 20, 40);

    /// <summary>Attribute combinations: 540.</summary>
    public static int CombinationCount => HairColours.Count * EyeColours.Count * SkinTones.Count * MouthNames.Count * Backgrounds.Count;

    /// <summary>
    /// <paramref name="count"/> faces [count, 3, 64, 64] in [−1, 1], attributes uniform over the combinations, labelled with
    /// <see cref="CartoonFaceAttributes.Combination"/>; the same <paramref name="seed"/> gives the same faces.
    /// </summary>
    public static ImageDataset Generate(int count, long seed)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Render at least one face.");
        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        var pixels = new byte[(long)count * 3 * Side * Side];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            var attributes = CartoonFaceAttributes.FromCombination(random.Next(CombinationCount));
            Render(attributes, random).CopyTo(pixels, (long)i * 3 * Side * Side);
            labels[i] = attributes.Combination;
        }
        return new ImageDataset(ImageDataset.FromBytes(pixels, count, 3, Side, Side), labels, $"cartoon faces ({count}, seed {seed})");
    }

    /// <summary>One face with <paramref name="attributes"/>, its jitter drawn from <paramref name="random"/>: bytes [3, 64, 64] (planar RGB).</summary>
    public static byte[] Render(CartoonFaceAttributes attributes, Random random)
    {
        double Uniform(double low, double high) => low + (high - low) * random.NextDouble();
        var hair = HairColours[attributes.Hair].Colour;
        using var bitmap = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill })
        {
            canvas.Clear(Backgrounds[attributes.Background].Colour);
            // Jitter: the whole face moves, scales and turns about the image centre.
            canvas.Translate(32 + (float)Uniform(-3, 3), 32 + (float)Uniform(-3, 3));
            canvas.RotateDegrees((float)Uniform(-6, 6));
            float scale = (float)Uniform(0.9, 1.1);
            canvas.Scale(scale);
            canvas.Translate(-32, -32);

            paint.Color = hair;                                                         // hair behind the head
            canvas.DrawOval(new SKRect(11, 7, 53, 54), paint);
            paint.Color = SkinTones[attributes.Skin].Colour;                            // face
            canvas.DrawOval(new SKRect(16, 18, 48, 54), paint);
            paint.Color = hair;                                                         // fringe: 4–6 strands of random width and length
            int strands = random.Next(4, 7);
            for (int s = 0; s < strands; s++)
            {
                float x = (float)Uniform(16, 46), width = (float)Uniform(5, 9), tip = (float)Uniform(24, 30);
                using var strand = new SKPath();
                strand.MoveTo(x - width / 2, 14);
                strand.LineTo(x + width / 2, 14);
                strand.LineTo(x + (float)Uniform(-2, 2), tip);
                strand.Close();
                canvas.DrawPath(strand, paint);
            }
            canvas.DrawRect(new SKRect(16, 12, 48, 20), paint);

            float eyeY = 36 + (float)Uniform(-1.5, 1.5);
            foreach (float eyeX in new[] { 25f, 39f })
            {
                paint.Color = SKColors.White;
                canvas.DrawOval(new SKRect(eyeX - 5, eyeY - 6, eyeX + 5, eyeY + 6), paint);
                paint.Color = EyeColours[attributes.Eyes].Colour;
                canvas.DrawOval(new SKRect(eyeX - 3.5f, eyeY - 4.5f, eyeX + 3.5f, eyeY + 4.5f), paint);
                paint.Color = SKColors.Black;
                canvas.DrawCircle(eyeX, eyeY + 0.5f, 1.6f, paint);
            }

            paint.Color = MouthColour;
            switch (attributes.Mouth)
            {
                case 0:
                    using (var stroke = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = MouthColour })
                        canvas.DrawArc(new SKRect(26, 38, 38, 52), 20, 140, false, stroke);
                    break;
                case 1:
                    canvas.DrawOval(new SKRect(28, 44, 36, 51), paint);
                    break;
                default:
                    canvas.DrawRect(new SKRect(28, 47, 36, 49), paint);
                    break;
            }
        }
        return Planar(bitmap.GetPixelSpan());
    }

    /// <summary>RGBA interleaved [64, 64, 4] ↦ RGB planar [3, 64, 64].</summary>
    private static byte[] Planar(ReadOnlySpan<byte> rgba)
    {
        var planar = new byte[3 * Side * Side];
        for (int p = 0; p < Side * Side; p++)
            for (int c = 0; c < 3; c++) planar[c * Side * Side + p] = rgba[4 * p + c];
        return planar;
    }
}
