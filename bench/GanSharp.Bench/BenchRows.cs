using System.Globalization;

namespace GanSharp.Bench;

/// <summary>The rows of the benchmark table, by name.</summary>
internal static class BenchRows
{
    public static IBenchRow Create(string name) => name switch
    {
        "matmul" => new MatmulPeakRow(),
        "dcgan28" => new DcganTrainRow(imageSize: 28, channels: 1, batchSize: 64),
        "dcgan64" => new DcganTrainRow(imageSize: 64, channels: 3, batchSize: 64),
        "sample64" => new DcganSampleRow(),
        _ when Sized(name, "toy", "w") is (int batch, int width) => new ToyRow(batch, width == 0 ? 128 : width),
        _ when Sized(name, "dcgan28b", "") is (int batch, 0) => new DcganTrainRow(imageSize: 28, channels: 1, batchSize: batch),
        _ => throw new ArgumentException($"Unknown row '{name}'. Rows: toy<batch>[w<width>] (e.g. toy100, toy512, toy256w64), dcgan28, dcgan28b<batch>, dcgan64, sample64, matmul."),
    };

    /// <summary>Parses prefix + a positive count, optionally followed by separator + a second positive count (0 when absent).</summary>
    private static (int First, int Second)? Sized(string name, string prefix, string separator)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var parts = separator.Length == 0 ? new[] { name[prefix.Length..] } : name[prefix.Length..].Split(separator);
        if (parts.Length > 2 || !TryPositive(parts[0], out int first)) return null;
        int second = 0;
        if (parts.Length == 2 && !TryPositive(parts[1], out second)) return null;
        return (first, second);
    }

    private static bool TryPositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
