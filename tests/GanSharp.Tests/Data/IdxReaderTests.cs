using GanSharp.Data;

namespace GanSharp.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gansharp-idx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IdxArray Sample() => new(new[] { 3, 2, 4 }, Enumerable.Range(0, 24).Select(i => (byte)(i * 10)).ToArray());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_written_idx_file_reads_back_identically_raw_or_gzipped(bool gzip)
    {
        var path = Path.Combine(_dir, gzip ? "a.gz" : "a");
        IdxFile.Write(path, Sample(), gzip);
        var back = IdxFile.Read(path);
        Assert.Equal(new[] { 3, 2, 4 }, back.Dimensions);
        Assert.Equal(Sample().Data, back.Data);
    }

    [Fact]
    public void The_header_is_big_endian_with_the_unsigned_byte_type_code()
    {
        var path = Path.Combine(_dir, "h");
        IdxFile.Write(path, new IdxArray(new[] { 258 }, new byte[258]), gzip: false);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0, 0, 0x08, 1, 0, 0, 1, 2 }, bytes.Take(8).ToArray());
        Assert.Equal(8 + 258, bytes.Length);
    }

    [Fact]
    public void A_file_with_a_wrong_magic_number_is_refused_with_the_bytes_it_found()
    {
        var path = Path.Combine(_dir, "bad");
        File.WriteAllBytes(path, new byte[] { 0x50, 0x4b, 8, 1, 0, 0, 0, 1, 7 });
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains("not an IDX file", e.Message);
        Assert.Contains("50 4b", e.Message);
    }

    [Fact]
    public void A_truncated_file_says_how_many_bytes_the_header_promised()
    {
        var path = Path.Combine(_dir, "short");
        IdxFile.Write(path, Sample(), gzip: false);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.Take(bytes.Length - 5).ToArray());
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains("truncated", e.Message);
        Assert.Contains("24 bytes", e.Message);
        Assert.Contains("holds 19", e.Message);
    }

    [Fact]
    public void A_header_cut_inside_the_dimensions_is_a_truncated_header()
    {
        var path = Path.Combine(_dir, "cut");
        File.WriteAllBytes(path, new byte[] { 0, 0, 8, 3, 0, 0, 0, 3, 0, 0 });
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains("truncated header", e.Message);
    }

    [Fact]
    public void A_non_byte_element_type_is_refused_by_name()
    {
        var path = Path.Combine(_dir, "float");
        File.WriteAllBytes(path, new byte[] { 0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0 });
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains("0x0d", e.Message);
    }

    [Fact]
    public void Trailing_bytes_after_the_declared_data_are_an_error()
    {
        var path = Path.Combine(_dir, "long");
        IdxFile.Write(path, new IdxArray(new[] { 2 }, new byte[] { 1, 2 }), gzip: false);
        File.AppendAllText(path, "x");
        Assert.Contains("more data", Assert.Throws<InvalidDataException>(() => IdxFile.Read(path)).Message);
    }

    [Fact]
    public void An_mnist_style_pair_loads_as_images_in_minus_one_to_one_with_labels()
    {
        var pixels = new byte[2 * 28 * 28];
        pixels[0] = 255;
        pixels[28 * 28 + 1] = 51;
        IdxFile.Write(Path.Combine(_dir, "train-images-idx3-ubyte.gz"), new IdxArray(new[] { 2, 28, 28 }, pixels), gzip: true);
        IdxFile.Write(Path.Combine(_dir, "train-labels-idx1-ubyte.gz"), new IdxArray(new[] { 2 }, new byte[] { 9, 4 }), gzip: true);
        using var set = FashionMnist.Load(_dir);
        Assert.Equal(new long[] { 2, 1, 28, 28 }, set.Images.shape);
        Assert.Equal(new[] { 9, 4 }, set.Labels);
        var x = set.Images.flatten().data<float>().ToArray();
        Assert.Equal(1f, x[0], 6);
        Assert.Equal(-1f, x[1], 6);
        Assert.Equal(51 / 127.5f - 1, x[28 * 28 + 1], 6);
    }

    [Fact]
    public void Labels_that_disagree_with_the_images_in_count_are_an_error()
    {
        IdxFile.Write(Path.Combine(_dir, "train-images-idx3-ubyte"), new IdxArray(new[] { 2, 2, 2 }, new byte[8]), gzip: false);
        IdxFile.Write(Path.Combine(_dir, "train-labels-idx1-ubyte"), new IdxArray(new[] { 3 }, new byte[3]), gzip: false);
        Assert.Contains("expected 2 labels", Assert.Throws<InvalidDataException>(() => IdxImageSet.Load(_dir, "train", "t")).Message);
    }

    [Fact]
    public void Missing_fashion_mnist_says_how_to_install_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(_dir));
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
        Assert.Contains("--data-dir", e.Message);
    }
}
