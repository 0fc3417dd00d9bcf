using System.Globalization;

namespace GanSharp.Bench;

/// <summary>The rows of the benchmark table, by name.</summary>
internal static class BenchRows
{
    public static IBenchRow Create(string name) => name switch
    {
        "matmul" => new MatmulPeakRow(),
        _ when name.StartsWith("toy", StringComparison.Ordinal) && int.TryParse(name[3..], NumberStyles.None, CultureInfo.InvariantCulture, out int batch) && batch > 0
            => new ToyRow(batch),
        _ => throw new ArgumentException($"Unknown row '{name}'. Rows: toy<batch> (e.g. toy100, toy512), matmul."),
    };
}
