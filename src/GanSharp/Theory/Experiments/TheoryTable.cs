namespace GanSharp.Theory.Experiments;

/// <summary>A table of measured numbers for the report: column headers and rows of formatted cells.</summary>
public sealed class TheoryTable
{
    private readonly List<string[]> _rows = new();

    /// <param name="columns">Column headers.</param>
    public TheoryTable(params string[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("A table needs at least one column.", nameof(columns));
        Columns = columns;
    }

    /// <summary>Column headers.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows, each with one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>Adds a row; numbers are written with four significant digits, strings as they are.</summary>
    public TheoryTable Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count) throw new ArgumentException($"A row needs {Columns.Count} cells (got {cells.Length}).", nameof(cells));
        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    /// <summary>How a cell is written: doubles with 4 significant digits, null as "–".</summary>
    public static string Format(object? cell) => cell switch
    {
        null => "–",
        double d when double.IsNaN(d) => "–",
        double d when d == 0 => "0",
        double d when Math.Abs(d) >= 1e-3 && Math.Abs(d) < 1e5 => d.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString("0.###e+0", System.Globalization.CultureInfo.InvariantCulture),
        float f => Format((double)f),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
