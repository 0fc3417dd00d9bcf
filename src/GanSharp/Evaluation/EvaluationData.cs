using GanSharp.Data;
using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>
/// The real images an evaluation needs: a training split (the classifier learns from it, the reference is drawn from it)
/// and a held-out split (the classifier's accuracy and the <c>real</c> calibration row).
/// </summary>
public sealed class EvaluationData : IDisposable
{
    /// <summary>Share of the images held out when a dataset has no test split of its own.</summary>
    public const double HeldOutShare = 1.0 / 6;

    private EvaluationData(string name, ImageDataset train, ImageDataset test, int classCount)
    {
        Name = name;
        Train = train;
        Test = test;
        ClassCount = classCount;
    }

    /// <summary>The data in words.</summary>
    public string Name { get; }

    /// <summary>The training split.</summary>
    public ImageDataset Train { get; }

    /// <summary>The held-out split.</summary>
    public ImageDataset Test { get; }

    /// <summary>Number of classes; 0 for unlabelled data.</summary>
    public int ClassCount { get; }

    /// <summary>Whether both splits carry class labels (then a feature classifier can be trained on them).</summary>
    public bool HasLabels => ClassCount > 0 && Train.Labels is not null && Test.Labels is not null;

    /// <summary>
    /// Opens <c>fashion-mnist</c> (its own train/test files), <c>mnist</c> (IDX <c>t10k</c> files when <paramref name="dataDir"/>
    /// has them, else a held-out sixth) or a folder of pictures (28 × 28 grayscale, unlabelled, a held-out sixth).
    /// </summary>
    /// <param name="data">A built-in name or a folder path.</param>
    /// <param name="dataDir">Where the built-in set's files are (null: its default place).</param>
    /// <param name="seed">Seed of the held-out split where one is drawn.</param>
    public static EvaluationData Open(string data, string? dataDir, int seed)
    {
        switch (data)
        {
            case ImageDatasets.FashionMnistName:
                return new EvaluationData("Fashion-MNIST", FashionMnist.Load(dataDir, train: true), FashionMnist.Load(dataDir, train: false), 10);
            case ImageDatasets.MnistName:
                var digits = Mnist.Load(dataDir);
                if (dataDir is not null && IdxImageSet.FindImages(dataDir, "t10k") is not null)
                    return new EvaluationData("MNIST", digits, IdxImageSet.Load(dataDir, "t10k", $"MNIST (t10k, {dataDir})"), 10);
                return Split("MNIST", digits, 10, seed);
            default:
                return Split($"image folder {data}", OpenPictures(data), 0, seed);
        }
    }

    /// <summary>
    /// A folder of generated pictures to score, as 28 × 28 grayscale images in [−1, 1], and the files that could not be read. Pictures of
    /// another size or with colour are an error, unless <paramref name="resize"/>: then they are centre-cropped, resized and converted
    /// by <see cref="ImageFolderLoader"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A picture is not 28 × 28 grayscale and <paramref name="resize"/> is false; the message names it.</exception>
    public static ImageFolderResult OpenSamples(string folder, bool resize)
    {
        if (!resize && Directory.Exists(folder))
            foreach (var file in ImageFolderLoader.FindImageFiles(folder))
                if (ImageFolderLoader.Inspect(file) is { } picture && (picture.Width != 28 || picture.Height != 28 || !picture.Grayscale))
                    throw new ArgumentException(
                        $"{file} is a {picture.Width}×{picture.Height} {(picture.Grayscale ? "grayscale" : "colour")} picture; evaluation compares 28×28 grayscale " +
                        "pictures (the feature classifier's input). Give --resize to centre-crop, resize and convert the pictures, or write them at 28×28 grayscale.");
        return ImageFolderLoader.Load(new ImageFolderOptions(folder, 28, 1));
    }

    /// <summary>A folder of pictures as 28 × 28 grayscale images in [−1, 1] (centre-cropped and resized by <see cref="ImageFolderLoader"/>).</summary>
    public static ImageDataset OpenPictures(string folder) => ImageFolderLoader.Load(new ImageFolderOptions(folder, 28, 1)).Dataset;

    /// <summary>Holds out a random sixth of <paramref name="all"/> (seeded), keeping labels with their images; takes ownership of <paramref name="all"/>.</summary>
    public static EvaluationData Split(string name, ImageDataset all, int classCount, int seed)
    {
        long n = all.Count;
        long heldOut = Math.Max(1, (long)Math.Round(n * HeldOutShare));
        if (n - heldOut < 2) throw new ArgumentException($"{name} has only {n} images; evaluation needs more.", nameof(all));
        using var draw = new RandomStream((ulong)Runtime.RandomStreams.Seed(seed, Runtime.RandomStreams.Data));
        var order = randperm(n, generator: draw).data<long>().ToArray();
        var test = Subset(all, order.Take((int)heldOut).ToArray(), $"{name} (held-out {heldOut})");
        var train = Subset(all, order.Skip((int)heldOut).ToArray(), $"{name} (rest {n - heldOut})");
        all.Dispose();
        return new EvaluationData(name, train, test, classCount);
    }

    private static ImageDataset Subset(ImageDataset all, long[] rows, string description)
    {
        using var index = tensor(rows);
        var labels = all.Labels is null ? null : rows.Select(r => all.Labels[r]).ToArray();
        return new ImageDataset(all.Images.index_select(0, index), labels, description);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
