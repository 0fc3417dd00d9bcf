namespace GanSharp.Data;

/// <summary>An MNIST-format pair of IDX files in one folder: <c>{prefix}-images-idx3-ubyte[.gz]</c> and <c>{prefix}-labels-idx1-ubyte[.gz]</c>.</summary>
public static class IdxImageSet
{
    /// <summary>Path of the images file for <paramref name="prefix"/> ("train" or "t10k") in <paramref name="directory"/>, gzip preferred; null when neither exists.</summary>
    public static string? FindImages(string directory, string prefix) => Find(directory, $"{prefix}-images-idx3-ubyte");

    /// <summary>Path of the labels file, gzip preferred; null when neither exists.</summary>
    public static string? FindLabels(string directory, string prefix) => Find(directory, $"{prefix}-labels-idx1-ubyte");

    /// <summary>Loads the images [N, 1, H, W] in [−1, 1] with labels (when the labels file is present).</summary>
    /// <exception cref="FileNotFoundException">No images file.</exception>
    /// <exception cref="InvalidDataException">A corrupt file, or images and labels that disagree.</exception>
    public static ImageDataset Load(string directory, string prefix, string description)
    {
        var imagesPath = FindImages(directory, prefix)
            ?? throw new FileNotFoundException($"No {prefix}-images-idx3-ubyte(.gz) in {directory}.");
        var images = IdxFile.Read(imagesPath);
        if (images.Dimensions.Length != 3)
            throw new InvalidDataException($"{imagesPath}: images must have 3 dimensions [N, H, W] (got [{string.Join(", ", images.Dimensions)}]).");
        int n = images.Dimensions[0];
        int[]? labels = null;
        var labelsPath = FindLabels(directory, prefix);
        if (labelsPath is not null)
        {
            var raw = IdxFile.Read(labelsPath);
            if (raw.Dimensions.Length != 1 || raw.Dimensions[0] != n)
                throw new InvalidDataException($"{labelsPath}: expected {n} labels [N] to match {imagesPath}, got [{string.Join(", ", raw.Dimensions)}].");
            labels = raw.Data.Select(b => (int)b).ToArray();
        }
        var x = ImageDataset.FromBytes(images.Data, n, 1, images.Dimensions[1], images.Dimensions[2]);
        return new ImageDataset(x, labels, description);
    }

    private static string? Find(string directory, string stem)
    {
        foreach (var name in new[] { stem + ".gz", stem })
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
