using GanSharp.Data;
using static TorchSharp.torch;

namespace GanSharp.Tests.Data;

/// <summary>
/// Ten-class stand-ins for MNIST digits (no MNIST in tests): "digit" d is a bright 4 × 12 block in row band d / 2 (rows 3 + 5·(d / 2) …
/// 6 + 5·(d / 2)) and column half d % 2 (columns 1 … 12 or 15 … 26), on dark noise.
/// </summary>
internal static class SyntheticDigits
{
    /// <summary>n images [n, 1, 28, 28] in [−1, 1], digit i % 10 for image i.</summary>
    public static ImageDataset Make(int n, int seed)
    {
        using var gen = new RandomStream((ulong)seed);
        var labels = Enumerable.Range(0, n).Select(i => i % 10).ToArray();
        using var scope = NewDisposeScope();
        var images = randn(n, 1, 28, 28, generator: gen) * 0.3 - 0.7;     // [n, 1, 28, 28]
        for (int i = 0; i < n; i++)
        {
            int band = labels[i] / 2, half = labels[i] % 2;
            images[i, 0, TensorIndex.Slice(3 + 5 * band, 7 + 5 * band), TensorIndex.Slice(1 + 14 * half, 13 + 14 * half)] += 1.6;
        }
        return new ImageDataset(images.clamp(-1, 1).MoveToOuterDisposeScope(), labels, $"synthetic digits ({n})");
    }

    /// <summary>Writes them as MNIST's IDX files (train and t10k, with labels) into <paramref name="folder"/>, which <see cref="Mnist.Load"/> reads; returns it.</summary>
    public static string WriteIdx(string folder, int trainCount, int testCount)
    {
        Directory.CreateDirectory(folder);
        foreach (var (prefix, count, seed) in new[] { ("train", trainCount, 61), ("t10k", testCount, 62) })
        {
            using var set = Make(count, seed);
            using var bytes = set.Images.add(1).mul(127.5).round().clamp(0, 255).to_type(uint8);
            IdxFile.Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), new IdxArray(new[] { count, 28, 28 }, bytes.data<byte>().ToArray()), gzip: false);
            IdxFile.Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), new IdxArray(new[] { count }, set.Labels!.Select(y => (byte)y).ToArray()), gzip: false);
        }
        return folder;
    }
}
