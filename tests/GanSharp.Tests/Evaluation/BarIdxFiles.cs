using GanSharp.Data;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

/// <summary>Writes <see cref="SyntheticImages"/> bar images as MNIST-format IDX files, so that <c>--data mnist --data-dir</c> reads them.</summary>
internal static class BarIdxFiles
{
    /// <summary>Train and t10k image and label files in <paramref name="folder"/>; returns the folder.</summary>
    public static string Write(string folder, int trainCount, int testCount)
    {
        Directory.CreateDirectory(folder);
        foreach (var (prefix, count, seed) in new[] { ("train", trainCount, 51), ("t10k", testCount, 52) })
        {
            var (images, labels) = SyntheticImages.Make(count, seed);
            using (images)
            using (var bytes = images.add(1).mul(127.5).round().clamp(0, 255).to_type(uint8))
            {
                IdxFile.Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), new IdxArray(new[] { count, 28, 28 }, bytes.data<byte>().ToArray()), gzip: false);
                IdxFile.Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), new IdxArray(new[] { count }, labels.Select(y => (byte)y).ToArray()), gzip: false);
            }
        }
        return folder;
    }
}
