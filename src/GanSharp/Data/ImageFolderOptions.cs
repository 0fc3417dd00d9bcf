namespace GanSharp.Data;

/// <summary>How to turn a folder of pictures into training images.</summary>
/// <param name="Directory">Searched recursively for .png, .jpg and .jpeg files.</param>
/// <param name="ImageSize">Side of the square images after centre-crop and resize.</param>
/// <param name="Channels">1 (grayscale, ITU-R BT.601 luma) or 3 (RGB).</param>
public sealed record ImageFolderOptions(string Directory, int ImageSize, int Channels)
{
    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (ImageSize is < 1 or > 1024) yield return $"image size must be between 1 and 1024 pixels (got {ImageSize}).";
        if (Channels is not (1 or 3)) yield return $"channels must be 1 (grayscale) or 3 (RGB) (got {Channels}).";
    }
}
