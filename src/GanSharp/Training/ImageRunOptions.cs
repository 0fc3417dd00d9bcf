using System.Text.Json;
using System.Text.Json.Serialization;
using GanSharp.Data;
using GanSharp.Models;

namespace GanSharp.Training;

/// <summary>Everything that defines an image GAN run; written as <c>config.json</c> in the run folder and into every checkpoint.</summary>
/// <param name="Data"><c>fashion-mnist</c>, <c>mnist</c>, or a folder of PNG/JPEG pictures.</param>
/// <param name="DataDir">Where the files of <c>fashion-mnist</c> or <c>mnist</c> are (null: their default place).</param>
/// <param name="ImageSize">Side S of the square images: 28, 32 or 64 (the built-in sets are 28).</param>
/// <param name="Channels">1 (grayscale) or 3 (RGB) (the built-in sets are 1).</param>
/// <param name="Model">DCGAN or MLP.</param>
/// <param name="LatentDim">Dimension of z.</param>
/// <param name="Features">DCGAN: feature maps F of the outermost convolution; MLP: hidden width.</param>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="BatchSize">Minibatch size m.</param>
/// <param name="LearningRate">Adam's learning rate for both players (Radford et al.: 0.0002).</param>
/// <param name="Beta1">Adam's β₁ for both players (Radford et al.: 0.5).</param>
/// <param name="Seed">Seed of every random stream.</param>
/// <param name="SampleEvery">Iterations between sample grids from the fixed noise.</param>
/// <param name="CheckpointEvery">Iterations between checkpoints.</param>
/// <param name="KeepCheckpoints">How many of the newest checkpoints to keep.</param>
/// <param name="SampleCount">Images in each sample grid.</param>
/// <param name="MaxIterations">Stop after this many iterations even before <paramref name="Epochs"/> are done (null: no cap).</param>
/// <param name="EvalEvery">Iterations between FD measurements in a feature classifier's space, which also keep the best checkpoint (0: none; 28×28 grayscale only).</param>
public sealed record ImageRunOptions(
    string Data = ImageDatasets.FashionMnistName,
    string? DataDir = null,
    int ImageSize = 28,
    int Channels = 1,
    ImageModelKind Model = ImageModelKind.Dcgan,
    int LatentDim = 100,
    int Features = 64,
    int Epochs = 5,
    int BatchSize = 128,
    double LearningRate = 2e-4,
    double Beta1 = 0.5,
    int Seed = 0,
    int SampleEvery = 200,
    int CheckpointEvery = 500,
    int KeepCheckpoints = 3,
    int SampleCount = 64,
    int? MaxIterations = null,
    int EvalEvery = 0)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The architecture these options build.</summary>
    [JsonIgnore]
    public ImageModelSpec ModelSpec => new(Model, ImageSize, Channels, LatentDim, Features);

    /// <summary>Algorithm 1's settings for <paramref name="iterations"/> iterations: k = 1, non-saturating G, normal prior, Adam(lr, β₁, 0.999) for both players.</summary>
    public TrainingOptions ToTrainingOptions(int iterations)
    {
        var adam = new OptimizerOptions(OptimizerKind.Adam, LearningRate, Beta1, 0.999);
        return new TrainingOptions(iterations, BatchSize, 1, Objectives.GeneratorObjective.NonSaturating, Distributions.NoisePrior.Normal, LatentDim, adam, adam, Seed);
    }

    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Data)) problems.Add("data must be fashion-mnist, mnist or a folder of pictures.");
        if (ImageDatasets.IsBuiltIn(Data) && (ImageSize != 28 || Channels != 1))
            problems.Add($"{Data} images are 28×28 grayscale: use image size 28 and 1 channel (got {ImageSize} and {Channels}).");
        problems.AddRange(ModelSpec.Validate());
        if (Epochs < 1) problems.Add($"epochs must be at least 1 (got {Epochs}).");
        if (BatchSize < 1) problems.Add($"batch size must be at least 1 (got {BatchSize}).");
        if (SampleEvery < 1) problems.Add($"sample-every must be at least 1 iteration (got {SampleEvery}).");
        if (CheckpointEvery < 1) problems.Add($"checkpoint-every must be at least 1 iteration (got {CheckpointEvery}).");
        if (KeepCheckpoints < 1) problems.Add($"keep must be at least 1 checkpoint (got {KeepCheckpoints}).");
        if (SampleCount is < 1 or > 1024) problems.Add($"sample count must be between 1 and 1024 (got {SampleCount}).");
        if (EvalEvery < 0) problems.Add($"eval-every must be 0 (off) or a number of iterations (got {EvalEvery}).");
        if (EvalEvery > 0 && (ImageSize != 28 || Channels != 1))
            problems.Add($"eval-every measures FD with a 28×28 grayscale feature classifier, so it needs image size 28 and 1 channel (got {ImageSize} and {Channels}).");
        if (MaxIterations is < 1) problems.Add($"max iterations must be at least 1 (got {MaxIterations}).");
        problems.AddRange(ToTrainingOptions(0).Validate());
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if any.</summary>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid image run configuration: " + string.Join(" ", problems));
    }

    /// <summary>
    /// Settings of <paramref name="requested"/> that differ from these (a saved run's) in a way a resumed run cannot honour:
    /// everything but the length of the run and how often it samples, checkpoints and measures FD.
    /// </summary>
    public IReadOnlyList<string> ConflictsWith(ImageRunOptions requested)
    {
        var conflicts = new List<string>();
        void Check<T>(string name, T saved, T wanted)
        {
            if (!EqualityComparer<T>.Default.Equals(saved, wanted)) conflicts.Add($"{name}: the run has {saved}, requested {wanted}");
        }
        Check("data", Data, requested.Data);
        Check("image size", ImageSize, requested.ImageSize);
        Check("channels", Channels, requested.Channels);
        Check("model", Model, requested.Model);
        Check("latent dimension", LatentDim, requested.LatentDim);
        Check("features", Features, requested.Features);
        Check("batch size", BatchSize, requested.BatchSize);
        Check("learning rate", LearningRate, requested.LearningRate);
        Check("beta1", Beta1, requested.Beta1);
        Check("seed", Seed, requested.Seed);
        return conflicts;
    }

    /// <summary>This configuration as indented JSON with enum names.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses <see cref="ToJson"/>'s output; unknown keys are an error.</summary>
    /// <exception cref="InvalidDataException">Not a valid configuration; <paramref name="source"/> names it in the message.</exception>
    public static ImageRunOptions FromJson(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<ImageRunOptions>(json, Json) ?? throw new InvalidDataException($"{source}: empty configuration.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not an image run configuration: {e.Message}", e);
        }
    }
}
