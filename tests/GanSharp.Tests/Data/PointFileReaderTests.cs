using System.Text;
using GanSharp.Data;

namespace GanSharp.Tests.Data;

public sealed class PointFileReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Text(string name, string content)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A .npy file: the given header dictionary (padded as NumPy does) followed by raw bytes.</summary>
    private string Npy(string name, string header, byte[] data, byte major = 1)
    {
        int prefix = major == 1 ? 10 : 12;
        var dict = header + " ";
        while ((prefix + dict.Length + 1) % 64 != 0) dict += " ";
        dict += "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.Add(major);
        bytes.Add(0);
        if (major == 1) bytes.AddRange(BitConverter.GetBytes((ushort)dict.Length));
        else bytes.AddRange(BitConverter.GetBytes((uint)dict.Length));
        bytes.AddRange(Encoding.Latin1.GetBytes(dict));
        bytes.AddRange(data);
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    private static byte[] Floats(params float[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    private static byte[] Doubles(params double[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    private static string Message(Func<object> read) => Assert.ThrowsAny<Exception>(read).Message;

    [Fact]
    public void A_csv_with_a_header_and_two_columns_gives_its_points_in_order()
    {
        var cloud = PointFileReader.Read(Text("p.csv", "x,y\n1.5,-2\n\n3e-1, 4\n"));
        Assert.Equal(2, cloud.Dimension);
        Assert.Equal(2, cloud.Count);
        Assert.Equal(new[] { 1.5f, -2f, 0.3f, 4f }, cloud.ToTensor().data<float>().ToArray());
        Assert.Equal("p.csv", cloud.Name);
    }

    [Fact]
    public void A_whitespace_separated_single_column_file_gives_one_dimensional_points()
    {
        var cloud = PointFileReader.Read(Text("p.txt", "1\n  2.5\t\n-3\n"));
        Assert.Equal(1, cloud.Dimension);
        Assert.Equal(new[] { 1f, 2.5f, -3f }, cloud.ToTensor().data<float>().ToArray());
    }

    [Fact]
    public void Whitespace_separated_pairs_are_read_as_two_columns()
    {
        var cloud = PointFileReader.Read(Text("p.txt", "1 2\n3   4\n"));
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, cloud.ToTensor().data<float>().ToArray());
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var path = _dir.File("absent.csv");
        var e = Assert.Throws<FileNotFoundException>(() => PointFileReader.Read(path));
        Assert.Contains("absent.csv", e.Message);
    }

    [Theory]
    [InlineData("", "no points")]
    [InlineData("x,y\n", "no points")]
    [InlineData("1,2\n3\n", "line 2 has 1 field(s) but earlier rows have 2")]
    [InlineData("1,2\n3,abc\n", "line 2, field 2: 'abc' is not a number")]
    [InlineData("1,2\n3,NaN\n", "line 2, field 2: 'NaN' is not a finite number")]
    [InlineData("1,2\n3,1e999\n", "line 2, field 2: '1e999' is not a finite number")]
    [InlineData("1,2,3\n", "line 1 has 3 fields")]
    public void A_malformed_csv_is_rejected_with_the_line_and_field(string content, string expected)
    {
        var path = Text("bad.csv", content);
        var message = Message(() => PointFileReader.Read(path));
        Assert.Contains("bad.csv", message);
        Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData((byte)1)]
    [InlineData((byte)2)]
    [InlineData((byte)3)]
    public void A_float64_npy_of_shape_n_by_2_gives_its_points_in_every_format_version(byte major)
    {
        var path = Npy("p.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", Doubles(1, 2, 3, 4, 5, 6), major);
        var cloud = PointFileReader.Read(path);
        Assert.Equal(2, cloud.Dimension);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, cloud.ToTensor().data<float>().ToArray());
    }

    [Theory]
    [InlineData("(4,)")]
    [InlineData("(4, 1)")]
    public void A_float32_npy_vector_or_column_gives_one_dimensional_points(string shape)
    {
        var path = Npy("p.npy", $"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}", Floats(0.5f, -1, 2, 8));
        var cloud = PointFileReader.Read(path);
        Assert.Equal(1, cloud.Dimension);
        Assert.Equal(new[] { 0.5f, -1f, 2f, 8f }, cloud.ToTensor().data<float>().ToArray());
    }

    [Theory]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2), }", "dtype '<i4' is not supported")]
    [InlineData("{'descr': '>f8', 'fortran_order': False, 'shape': (2, 2), }", "dtype '>f8' is not supported")]
    [InlineData("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", "Fortran order")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 4), }", "shape (1, 4) is not supported")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2, 1), }", "shape (2, 2, 1) is not supported")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", "truncated")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, }", "no 'shape' entry")]
    public void A_malformed_npy_header_is_rejected_with_the_problem(string header, string expected)
    {
        var path = Npy("bad.npy", header, Doubles(1, 2, 3, 4));
        var message = Message(() => PointFileReader.Read(path));
        Assert.Contains("bad.npy", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void A_npy_holding_nan_names_the_row_and_column()
    {
        var path = Npy("nan.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", Doubles(1, 2, double.NaN, 4));
        Assert.Contains("row 1, column 0 holds NaN", Message(() => PointFileReader.Read(path)));
    }

    [Fact]
    public void A_file_without_the_numpy_magic_is_not_taken_for_a_npy()
    {
        var path = Text("fake.npy", "1,2\n");
        Assert.Contains("magic string", Message(() => PointFileReader.Read(path)));
    }

    [Fact]
    public void An_empty_npy_file_is_reported_as_empty()
    {
        var path = Text("empty.npy", "");
        Assert.Contains("empty", Message(() => PointFileReader.Read(path)));
    }
}
