namespace GanSharp.Data;

/// <summary>
/// The discrete attributes of one rendered cartoon face (indices into <see cref="CartoonFaces"/>' palettes); each combination is one mode.
/// </summary>
/// <param name="Hair">Hair colour, 0 … <see cref="CartoonFaces.HairColours"/>.Count − 1.</param>
/// <param name="Eyes">Eye (iris) colour.</param>
/// <param name="Skin">Skin tone.</param>
/// <param name="Mouth">Mouth: 0 smile (an arc), 1 open (a filled ellipse), 2 flat (a line).</param>
/// <param name="Background">Background colour.</param>
public sealed record CartoonFaceAttributes(int Hair, int Eyes, int Skin, int Mouth, int Background)
{
    /// <summary>The combination's index, 0 … <see cref="CartoonFaces.CombinationCount"/> − 1 (mixed radix, hair most significant).</summary>
    public int Combination =>
    ((((Hair * CartoonFaces.EyeColours.Count + Eyes) * CartoonFaces.SkinTones.Count + Skin) * CartoonFaces.MouthNames.Count + Mouth)
        * CartoonFaces.Backgrounds.Count) + Background;

    /// <summary>The attributes of combination <paramref name="index"/>.</summary>
    public static CartoonFaceAttributes FromCombination(int index)
    {
        if (index < 0 || index >= CartoonFaces.CombinationCount) throw new ArgumentOutOfRangeException(nameof(index), index, $"Combinations are 0 … {CartoonFaces.CombinationCount - 1}.");
        int background = index % CartoonFaces.Backgrounds.Count;
        index /= CartoonFaces.Backgrounds.Count;
        int mouth = index % CartoonFaces.MouthNames.Count;
        index /= CartoonFaces.MouthNames.Count;
        int skin = index % CartoonFaces.SkinTones.Count;
        index /= CartoonFaces.SkinTones.Count;
        int eyes = index % CartoonFaces.EyeColours.Count;
        return new CartoonFaceAttributes(index / CartoonFaces.EyeColours.Count, eyes, skin, mouth, background);
    }
}
