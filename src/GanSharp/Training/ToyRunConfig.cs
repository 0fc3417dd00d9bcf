using System.Text.Json;
using System.Text.Json.Serialization;
using GanSharp.Distributions;
using GanSharp.Models;
using GanSharp.Objectives;

namespace GanSharp.Training;

/// <summary>
/// Every setting of a GAN run on points (a built-in 1D/2D target or a user's point file).
/// Written as <c>config.json</c> next to every run; the same JSON (snake_case keys) is read by <c>--config</c>.
/// </summary>
/// <remarks>The defaults are the lead's measured ring settings: 3×128 ReLU MLPs, latent 2, Adam 1e-3 β = (0.5, 0.999), m = 256, k = 1, non-saturating.</remarks>
/// <param name="Data">A built-in target (<see cref="TargetDistributions.Names"/>) or the path of a .csv/.npy point file.</param>
/// <param name="Objective">The generator's objective.</param>
/// <param name="K">Discriminator steps per iteration.</param>
/// <param name="BatchSize">Minibatch size m.</param>
/// <param name="Iterations">Training iterations.</param>
/// <param name="Prior">Noise prior p_z.</param>
/// <param name="LatentDim">Dimension of z.</param>
/// <param name="OptimizerD">D's optimiser.</param>
/// <param name="OptimizerG">G's optimiser.</param>
/// <param name="LrD">D's learning rate.</param>
/// <param name="LrG">G's learning rate.</param>
/// <param name="LrSchedule">Learning-rate schedule of both players.</param>
/// <param name="Beta1">Adam's β₁ (both players).</param>
/// <param name="Beta2">Adam's β₂ (both players).</param>
/// <param name="Momentum">SGD momentum (both players).</param>
/// <param name="GLayers">Hidden layers of G.</param>
/// <param name="GWidth">Units per hidden layer of G.</param>
/// <param name="DLayers">Hidden layers of D.</param>
/// <param name="DWidth">Units per hidden layer of D.</param>
/// <param name="Activation">Hidden nonlinearity of G and D.</param>
/// <param name="Seed">Seed of every random stream.</param>
/// <param name="FramesEvery">Render a frame and score the modes every this many iterations (0: only at the end).</param>
/// <param name="Device">Where the tensors live.</param>
/// <param name="Threads">libtorch CPU threads; 0 lets <see cref="GanSharp.Runtime.ThreadPolicy"/> choose (one thread for these small MLPs, measured fastest).</param>
public sealed record ToyRunConfig(
    string Data = "ring",
    GeneratorObjective Objective = GeneratorObjective.NonSaturating,
    int K = 1,
    int BatchSize = 256,
    int Iterations = 3000,
    NoisePrior Prior = NoisePrior.Normal,
    int LatentDim = 2,
    OptimizerKind OptimizerD = OptimizerKind.Adam,
    OptimizerKind OptimizerG = OptimizerKind.Adam,
    double LrD = 1e-3,
    double LrG = 1e-3,
    LearningRateSchedule LrSchedule = LearningRateSchedule.Constant,
    double Beta1 = 0.5,
    double Beta2 = 0.999,
    double Momentum = 0.9,
    int GLayers = 3,
    int GWidth = 128,
    int DLayers = 3,
    int DWidth = 128,
    Activation Activation = Activation.ReLU,
    int Seed = 1,
    int FramesEvery = 100,
    ComputeDevice Device = ComputeDevice.Cpu,
    int Threads = 0)
{
    /// <summary>Extensions of the point files <see cref="Data"/> may name.</summary>
    public static readonly IReadOnlyList<string> PointFileExtensions = new[] { ".csv", ".txt", ".npy" };

    /// <summary>JSON settings of config files: snake_case keys, named enums, unknown keys rejected.</summary>
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    /// <summary>
    /// The demo: the ring with the default settings and the linearly decaying learning rate, 3,000 iterations.
    /// Measured (docs/toy-results.md): 8/8 modes on seeds 1, 2 and 3, 90.2–90.4% high-quality samples.
    /// </summary>
    public static ToyRunConfig Demo => new(Data: "ring", Iterations: 3000, LrSchedule: LearningRateSchedule.Linear, FramesEvery: 100);

    /// <summary>Whether <see cref="Data"/> names a built-in target rather than a file.</summary>
    [JsonIgnore]
    public bool IsBuiltInData => TargetDistributions.Names.Contains(Data.ToLowerInvariant());

    /// <summary>G's shape.</summary>
    [JsonIgnore]
    public MlpOptions GeneratorNetwork => new(GLayers, GWidth, Activation);

    /// <summary>D's shape.</summary>
    [JsonIgnore]
    public MlpOptions DiscriminatorNetwork => new(DLayers, DWidth, Activation);

    /// <summary>The settings of Algorithm 1 that <see cref="GanTrainer"/> takes.</summary>
    public TrainingOptions ToTrainingOptions() => new(
        Iterations, BatchSize, K, Objective, Prior, LatentDim,
        new OptimizerOptions(OptimizerD, LrD, Beta1, Beta2, Momentum),
        new OptimizerOptions(OptimizerG, LrG, Beta1, Beta2, Momentum),
        Seed);

    /// <summary>Readable problems with these settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Data))
            problems.Add("data must name a built-in target or a point file.");
        else if (!IsBuiltInData && !PointFileExtensions.Contains(Path.GetExtension(Data).ToLowerInvariant()))
            problems.Add($"data '{Data}' is neither a built-in target ({string.Join(", ", TargetDistributions.Names)}) nor a point file ({string.Join(", ", PointFileExtensions)}).");
        problems.AddRange(ToTrainingOptions().Validate());
        problems.AddRange(GeneratorNetwork.Validate("generator"));
        problems.AddRange(DiscriminatorNetwork.Validate("discriminator"));
        if (FramesEvery < 0) problems.Add($"frames-every must be zero (final frame only) or more (got {FramesEvery}).");
        if (Threads < 0) problems.Add($"threads must be zero (automatic) or more (got {Threads}).");
        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems.</summary>
    /// <exception cref="ArgumentException">The message lists every problem.</exception>
    public ToyRunConfig EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid settings: " + string.Join(" ", problems));
        return this;
    }

    /// <summary>This configuration as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses JSON written by <see cref="ToJson"/> or by hand; missing keys take their defaults.</summary>
    /// <exception cref="JsonException">Malformed JSON, an unknown key or a bad value.</exception>
    public static ToyRunConfig FromJson(string json) =>
        JsonSerializer.Deserialize<ToyRunConfig>(json, Json) ?? throw new JsonException("The configuration is null.");

    /// <summary>Reads a configuration file.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid configuration; the message names the file and the problem.</exception>
    public static ToyRunConfig Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Config file '{path}' does not exist.", path);
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Config file '{path}': {e.Message}", e);
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            WriteIndented = true,
        };
        options.Converters.Add(new SettingNameConverter<GeneratorObjective>());
        options.Converters.Add(new SettingNameConverter<NoisePrior>());
        options.Converters.Add(new SettingNameConverter<OptimizerKind>());
        options.Converters.Add(new SettingNameConverter<Activation>());
        options.Converters.Add(new SettingNameConverter<LearningRateSchedule>());
        options.Converters.Add(new SettingNameConverter<ComputeDevice>());
        return options;
    }
}
