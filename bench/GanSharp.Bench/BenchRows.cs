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
        _ when name.StartsWith("toy", StringComparison.Ordinal) && int.TryParse(name[3..], NumberStyles.None, CultureInfo.InvariantCulture, out int batch) && batch > 0
            => new ToyRow(batch),
        _ => throw new ArgumentException($"Unknown row '{name}'. Rows: toy<batch> (e.g. toy100, toy512), dcgan28, dcgan64, sample64, matmul."),
    };
}
