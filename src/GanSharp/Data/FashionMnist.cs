namespace GanSharp.Data;

/// <summary>Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017): 28×28 grayscale garments in 10 classes, MNIST's IDX format.</summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The class names, by label.</summary>
    public static readonly IReadOnlyList<string> ClassNames = new[]
    {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    };

    /// <summary>Whether the training images are present in <paramref name="directory"/> (default: <see cref="DefaultDirectory"/>).</summary>
    public static bool IsInstalled(string? directory = null) => IdxImageSet.FindImages(directory ?? DefaultDirectory, "train") is not null;

    /// <summary>Loads the 60,000 training (or 10,000 test) images [N, 1, 28, 28] in [−1, 1] with labels.</summary>
    /// <exception cref="FileNotFoundException">The files are missing; the message says how to get them.</exception>
    public static ImageDataset Load(string? directory = null, bool train = true)
    {
        var dir = directory ?? DefaultDirectory;
        var prefix = train ? "train" : "t10k";
        if (IdxImageSet.FindImages(dir, prefix) is null)
            throw new FileNotFoundException(
                $"Fashion-MNIST not found: no {prefix}-images-idx3-ubyte.gz in {dir}. " +
                "On Debian install it with `sudo apt-get install dataset-fashion-mnist` (files go to " + DefaultDirectory + "), " +
                "or put the four IDX files of the Fashion-MNIST release (zalandoresearch/fashion-mnist) in a folder and pass it with --data-dir.");
        return IdxImageSet.Load(dir, prefix, $"Fashion-MNIST ({prefix}, {dir})");
    }
}
