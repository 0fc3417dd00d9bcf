using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GanSharp.Distributions;

namespace GanSharp.Data;

/// <summary>
/// Reads a user's points (N×1 or N×2) from a CSV/text file or a NumPy <c>.npy</c> file into a <see cref="PointCloud"/>.
/// </summary>
/// <remarks>
/// CSV: one point per line, fields separated by commas or by whitespace, an optional header row (a first line
/// that is not all numbers), blank lines ignored. NPY: format versions 1–3, little-endian float32 (<c>&lt;f4</c>)
/// or float64 (<c>&lt;f8</c>), C order, shape (N,), (N, 1) or (N, 2).
/// Every problem is reported as an <see cref="InvalidDataException"/> whose message names the file and the line, field or header entry.
/// </remarks>
public static partial class PointFileReader
{
    private static readonly byte[] NpyMagic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>Reads <paramref name="path"/>; the format follows the extension (<c>.npy</c>, otherwise text).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty or malformed; the message says where.</exception>
    public static PointCloud Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        var points = string.Equals(Path.GetExtension(path), ".npy", StringComparison.OrdinalIgnoreCase) ? ReadNpy(path) : ReadCsv(path);
        return new PointCloud(Path.GetFileName(path), points);
    }

    /// <summary>Points of a comma- or whitespace-separated text file.</summary>
    public static IReadOnlyList<float[]> ReadCsv(string path)
    {
        var points = new List<float[]>();
        int columns = 0, lineNumber = 0;
        bool firstRow = true;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var fields = line.Contains(',')
                ? line.Split(',').Select(f => f.Trim()).ToArray()
                : line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            bool numeric = fields.All(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            if (firstRow && !numeric)
            {
                firstRow = false;     // a header row
                continue;
            }
            firstRow = false;
            if (columns == 0)
            {
                if (fields.Length > 2) throw Bad(path, $"line {lineNumber} has {fields.Length} fields; points must have 1 or 2 coordinates (N×1 or N×2).");
                columns = fields.Length;
            }
            else if (fields.Length != columns)
                throw Bad(path, $"line {lineNumber} has {fields.Length} field(s) but earlier rows have {columns}.");
            var point = new float[columns];
            for (int j = 0; j < columns; j++)
            {
                if (!double.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    throw Bad(path, $"line {lineNumber}, field {j + 1}: '{fields[j]}' is not a number.");
                if (!double.IsFinite(v) || !float.IsFinite((float)v))
                    throw Bad(path, $"line {lineNumber}, field {j + 1}: '{fields[j]}' is not a finite number.");
                point[j] = (float)v;
            }
            points.Add(point);
        }
        if (points.Count == 0) throw Bad(path, "the file holds no points.");
        return points;
    }

    /// <summary>Points of a NumPy <c>.npy</c> file.</summary>
    public static IReadOnlyList<float[]> ReadNpy(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw Bad(path, "the file is empty.");
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(NpyMagic)) throw Bad(path, "not a NumPy .npy file (the magic string \\x93NUMPY is missing).");
        int major = bytes[6];
        int headerLength, headerStart;
        switch (major)
        {
            case 1:
                headerLength = BitConverter.ToUInt16(bytes, 8);
                headerStart = 10;
                break;
            case 2 or 3:
                if (bytes.Length < 12) throw Bad(path, "the header is truncated.");
                headerLength = checked((int)BitConverter.ToUInt32(bytes, 8));
                headerStart = 12;
                break;
            default:
                throw Bad(path, $"unsupported .npy format version {major} (1, 2 and 3 are supported).");
        }
        if (headerStart + headerLength > bytes.Length) throw Bad(path, "the header is truncated.");
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes, headerStart, headerLength);

        var descr = DescrPattern().Match(header);
        if (!descr.Success) throw Bad(path, "the header has no 'descr' entry.");
        int itemSize = descr.Groups[1].Value switch
        {
            "<f4" => 4,
            "<f8" => 8,
            var other => throw Bad(path, $"dtype '{other}' is not supported; save the points as little-endian float32 ('<f4') or float64 ('<f8')."),
        };
        var fortran = FortranPattern().Match(header);
        if (!fortran.Success) throw Bad(path, "the header has no 'fortran_order' entry.");
        if (fortran.Groups[1].Value == "True") throw Bad(path, "the array is in Fortran order; save it in C order (numpy.ascontiguousarray).");
        var shapeMatch = ShapePattern().Match(header);
        if (!shapeMatch.Success) throw Bad(path, "the header has no 'shape' entry.");
        var dims = shapeMatch.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1).ToArray();
        if (dims.Any(v => v < 0)) throw Bad(path, $"the shape ({shapeMatch.Groups[1].Value}) is not readable.");
        if (!(dims.Length == 1 || (dims.Length == 2 && dims[1] is 1 or 2)))
            throw Bad(path, $"shape ({string.Join(", ", dims)}) is not supported; points must have shape (N,), (N, 1) or (N, 2).");
        long n = dims[0];
        int d = dims.Length == 1 ? 1 : (int)dims[1];
        if (n == 0) throw Bad(path, "the array holds no points.");
        int dataStart = headerStart + headerLength;
        long needed = n * d * itemSize;
        if (bytes.Length - dataStart < needed)
            throw Bad(path, $"the data are truncated: shape ({string.Join(", ", dims)}) needs {needed} bytes, the file has {bytes.Length - dataStart}.");

        var points = new float[n][];
        for (long i = 0; i < n; i++)
        {
            var point = new float[d];
            for (int j = 0; j < d; j++)
            {
                int offset = checked((int)(dataStart + (i * d + j) * itemSize));
                double v = itemSize == 4 ? BitConverter.ToSingle(bytes, offset) : BitConverter.ToDouble(bytes, offset);
                if (!double.IsFinite(v) || !float.IsFinite((float)v))
                    throw Bad(path, $"row {i}, column {j} holds {v.ToString(CultureInfo.InvariantCulture)}, not a finite number.");
                point[j] = (float)v;
            }
            points[i] = point;
        }
        return points;
    }

    private static InvalidDataException Bad(string path, string problem) => new($"Data file '{path}': {problem}");

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
