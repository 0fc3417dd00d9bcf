using GanSharp.Data;
using SkiaSharp;

namespace GanSharp.Tests.Data;

public class CartoonFacesTests
{
    private const int Plane = CartoonFaces.Side * CartoonFaces.Side;

    private static int Count(byte[] planar, SKColor colour) =>
        Enumerable.Range(0, Plane).Count(p => planar[p] == colour.Red && planar[Plane + p] == colour.Green && planar[2 * Plane + p] == colour.Blue);

    /// <summary>Reads the mouth off the pixels: a flat line is at most 4 rows tall; an open mouth fills most of its box, a smile's arc little of it.</summary>
    private static int MouthFromPixels(byte[] planar)
    {
        var mouth = Enumerable.Range(0, Plane).Where(p => planar[p] == CartoonFaces.MouthColour.Red && planar[Plane + p] == CartoonFaces.MouthColour.Green
            && planar[2 * Plane + p] == CartoonFaces.MouthColour.Blue).ToArray();
        int top = mouth.Min() / CartoonFaces.Side, bottom = mouth.Max() / CartoonFaces.Side;
        int left = mouth.Min(p => p % CartoonFaces.Side), right = mouth.Max(p => p % CartoonFaces.Side);
        int height = bottom - top + 1, width = right - left + 1;
        if (height <= 4) return 2;
        return mouth.Length > 0.6 * height * width ? 1 : 0;
    }

    [Fact]
    public void The_same_seed_renders_the_same_faces_and_another_seed_other_ones()
    {
        using var a = CartoonFaces.Generate(12, seed: 7);
        using var b = CartoonFaces.Generate(12, seed: 7);
        using var c = CartoonFaces.Generate(12, seed: 8);
        Assert.Equal(new long[] { 12, 3, 64, 64 }, a.Images.shape);
        Assert.Equal(a.Images.data<float>().ToArray(), b.Images.data<float>().ToArray());
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Images.data<float>().ToArray(), c.Images.data<float>().ToArray());
    }

    [Fact]
    public void Every_combination_is_drawn_with_exactly_its_palette_colours_and_its_mouth()
    {
        Assert.Equal(540, CartoonFaces.CombinationCount);
        var random = new Random(3);
        // Every hair, eye, skin, mouth and background value, under fresh jitter each time.
        for (int index = 0; index < CartoonFaces.CombinationCount; index += 7)
        {
            var attributes = CartoonFaceAttributes.FromCombination(index);
            Assert.Equal(index, attributes.Combination);
            var face = CartoonFaces.Render(attributes, random);
            var background = CartoonFaces.Backgrounds[attributes.Background].Colour;
            Assert.Equal((background.Red, background.Green, background.Blue), (face[0], face[Plane], face[2 * Plane]));
            for (int h = 0; h < CartoonFaces.HairColours.Count; h++)
                Assert.True(h == attributes.Hair ? Count(face, CartoonFaces.HairColours[h].Colour) > 300 : Count(face, CartoonFaces.HairColours[h].Colour) == 0, $"{attributes}: hair {h}");
            for (int e = 0; e < CartoonFaces.EyeColours.Count; e++)
                Assert.True(e == attributes.Eyes ? Count(face, CartoonFaces.EyeColours[e].Colour) > 30 : Count(face, CartoonFaces.EyeColours[e].Colour) == 0, $"{attributes}: eyes {e}");
            for (int s = 0; s < CartoonFaces.SkinTones.Count; s++)
                Assert.True(s == attributes.Skin ? Count(face, CartoonFaces.SkinTones[s].Colour) > 300 : Count(face, CartoonFaces.SkinTones[s].Colour) == 0, $"{attributes}: skin {s}");
            Assert.Equal(attributes.Mouth, MouthFromPixels(face));
        }
    }
}
