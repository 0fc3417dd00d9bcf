namespace GanSharp.Data;

/// <summary>Opens the image data a run names: <c>fashion-mnist</c>, <c>mnist</c>, or a folder of pictures.</summary>
public static class ImageDatasets
{
    /// <summary>Name of the Fashion-MNIST data.</summary>
    public const string FashionMnistName = "fashion-mnist";

    /// <summary>Name of the MNIST data.</summary>
    public const string MnistName = "mnist";

    /// <summary>Whether <paramref name="data"/> names one of the built-in 28×28 grayscale sets rather than a folder.</summary>
    public static bool IsBuiltIn(string data) => data is FashionMnistName or MnistName;

    /// <summary>Loads the images; a folder's decoded tensor is cached at <paramref name="cachePath"/> when given.</summary>
    /// <param name="data"><c>fashion-mnist</c>, <c>mnist</c> or a folder path.</param>
    /// <param name="dataDir">Where the built-in set's files are (null: its default place).</param>
    /// <param name="imageSize">Side of the images (built-in sets: 28).</param>
    /// <param name="channels">1 or 3 (built-in sets: 1).</param>
    /// <param name="cachePath">Cache file for a folder, or null.</param>
    public static ImageFolderResult Open(string data, string? dataDir, int imageSize, int channels, string? cachePath)
    {
        return data switch
        {
            FashionMnistName => new ImageFolderResult(FashionMnist.Load(dataDir), Array.Empty<SkippedImage>(), FromCache: false),
            MnistName => new ImageFolderResult(Mnist.Load(dataDir), Array.Empty<SkippedImage>(), FromCache: false),
            _ => ImageFolderLoader.Load(new ImageFolderOptions(data, imageSize, channels), cachePath),
        };
    }
}
