using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Objectives;

namespace GanSharp.Runs;

/// <summary>
/// Every setting of a GAN run, on points or on images: the one configuration record. Written as <c>config.json</c> in every
/// run folder and checkpoint; the same JSON (snake_case keys, unknown keys rejected) is what <c>--config</c> reads.
/// </summary>
/// <remarks>
/// Settings that only some runs have are null where they do not apply (for example <see cref="Epochs"/> on points,
/// <see cref="GLayers"/> on a DCGAN). <see cref="Resolve"/> builds a complete record from the settings a user gave,
/// taking the defaults of the data's kind for the rest: for points the lead's measured ring settings (3×128 ReLU MLPs,
/// latent 2, Adam 10⁻³ β = (0.5, 0.999), m = 256, k = 1, non-saturating, 3,000 iterations); for images those of
/// Radford et al. (2016) (DCGAN, latent 100, Adam 2·10⁻⁴ β₁ = 0.5, m = 128, F = 64, k = 1, non-saturating, 5 epochs), except that
/// DCGANs on the built-in 28×28 sets take F = 32, m = 32 and learning rates 3·10⁻⁴ (<see cref="Dcgan28Features"/>,
/// <see cref="Dcgan28BatchSize"/>, <see cref="Dcgan28LearningRate"/>).
/// </remarks>
/// <param name="Data">A built-in target (<see cref="TargetDistributions.Names"/>), a .csv/.txt/.npy point file, <c>fashion-mnist</c>, <c>mnist</c> or a folder of pictures.</param>
/// <param name="Model">The pair of networks: MLPs (points and images) or DCGAN (images).</param>
/// <param name="Objective">The generator's objective.</param>
/// <param name="K">Discriminator steps per iteration.</param>
/// <param name="BatchSize">Minibatch size m.</param>
/// <param name="Iterations">Training iterations; on images a cap on <see cref="Epochs"/> × ⌊N/m⌋ (null: no cap).</param>
/// <param name="Epochs">Images: passes over the data.</param>
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
/// <param name="GLayers">MLP: hidden layers of G.</param>
/// <param name="GWidth">MLP: units per hidden layer of G.</param>
/// <param name="DLayers">MLP: hidden layers of D.</param>
/// <param name="DWidth">MLP: units per hidden layer of D.</param>
/// <param name="Activation">MLP: hidden nonlinearity of G and D.</param>
/// <param name="Features">DCGAN: feature maps F of the outermost convolution.</param>
/// <param name="ImageSize">Images: side S of the square images (28, 32 or 64; the built-in sets are 28).</param>
/// <param name="Channels">Images: 1 (grayscale) or 3 (RGB) (the built-in sets are 1).</param>
/// <param name="DataDir">Built-in image sets: the folder of their files (null: their default place).</param>
/// <param name="ReplayFraction">Fraction of each generated minibatch D sees replaced by past samples (null: no replay).</param>
/// <param name="ReplayCapacity">Past samples the replay buffer keeps (with <paramref name="ReplayFraction"/> only).</param>
/// <param name="Seed">Seed of every random stream.</param>
/// <param name="FramesEvery">Points: a frame and the mode metrics every this many iterations (0: only at the end).</param>
/// <param name="SampleEvery">Images: iterations between sample grids from the fixed noise.</param>
/// <param name="SampleCount">Images: images per sample grid.</param>
/// <param name="EvalEvery">Images (28×28 grayscale): iterations between FD measurements, which also keep the best checkpoint (0: none).</param>
/// <param name="CheckpointEvery">Iterations between checkpoints (one is always written at the end).</param>
/// <param name="Keep">How many of the newest checkpoints to keep.</param>
/// <param name="Device">Where the tensors live.</param>
/// <param name="Threads">libtorch CPU threads (0: leave the process's setting; the command line writes the count it chose here).</param>
/// <param name="Components">Gaussian mixture baseline (<c>gmm</c>): its number of components K.</param>
public sealed record RunOptions(
    string Data,
    ModelKind Model,
    GanObjective Objective,
    int K,
    int BatchSize,
    int? Iterations,
    int? Epochs,
    NoisePrior Prior,
    int LatentDim,
    OptimizerKind OptimizerD,
    OptimizerKind OptimizerG,
    double LrD,
    double LrG,
    LearningRateSchedule LrSchedule,
    double Beta1,
    double Beta2,
    double Momentum,
    int? GLayers,
    int? GWidth,
    int? DLayers,
    int? DWidth,
    Activation? Activation,
    int? Features,
    int? ImageSize,
    int? Channels,
    string? DataDir,
    double? ReplayFraction,
    int? ReplayCapacity,
    int Seed,
    int? FramesEvery,
    int? SampleEvery,
    int? SampleCount,
    int? EvalEvery,
    int CheckpointEvery,
    int Keep,
    ComputeDevice Device,
    int Threads,
    int? Components = null)
{
    /// <summary>WGAN: weights of D clipped into [−c, c] after each of its steps (Arjovsky et al. 2017; default 0.01 with <c>wgan</c>, which alone has it).</summary>
    public double? Clip { get; init; }

    /// <summary>WGAN-GP: λ of the gradient penalty (Gulrajani et al. 2017; default 10 with <c>wgan-gp</c>, which alone has it).</summary>
    public double? GpLambda { get; init; }

    /// <summary>γ of the R1 penalty γ/2·E‖∇_x D(x)‖² on data (Mescheder et al. 2018); null or 0: none.</summary>
    public double? R1 { get; init; }

    /// <summary>PacGAN (Lin et al. 2018): D judges packs of this many samples (1: single samples); the batch size must be a multiple.</summary>
    public int Pack { get; init; } = 1;

    /// <summary>β of the moving average of G's weights that samples, is evaluated and is exported in G's place (null: none).</summary>
    public double? Ema { get; init; }

    /// <summary>Spectral normalisation of D's layers (Miyato et al. 2018).</summary>
    public bool SpectralNorm { get; init; }

    /// <summary>DCGAN: a minibatch standard deviation channel before D's logit (<see cref="Models.MinibatchStdDev"/>; Karras et al. 2018).</summary>
    public bool MinibatchStd { get; init; }

    /// <summary>DCGAN: D judges data and generated images in one batch, so its batch norm normalises them together (<see cref="TrainingOptions.JointBatch"/>).</summary>
    public bool JointBatch { get; init; }

    /// <summary>DCGAN: λ of feature matching in G's loss, λ·‖E f(x) − E f(G(z))‖²/d over D's last hidden layer (<see cref="Objectives.FeatureMatching"/>; null or 0: none).</summary>
    public double? FeatureMatching { get; init; }

    /// <summary>DCGAN: D's feature maps F_D of its outermost convolution, where they differ from G's <see cref="Features"/> (null: the same F).</summary>
    public int? DFeatures { get; init; }

    /// <summary>DCGAN: the feature maps D is built with, <see cref="DFeatures"/> or else <see cref="Features"/>.</summary>
    [JsonIgnore]
    public int? DiscriminatorFeatures => DFeatures ?? Features;

    /// <summary>Extensions of the point files <see cref="Data"/> may name.</summary>
    public static readonly IReadOnlyList<string> PointFileExtensions = new[] { ".csv", ".txt", ".npy" };

    /// <summary>Settings a resumed run may change: its length, how often it writes its outputs, and where and on how many threads it computes.</summary>
    public static readonly IReadOnlySet<string> ResumableKeys = new HashSet<string>
    {
        "iterations", "epochs", "frames_every", "sample_every", "sample_count", "eval_every", "checkpoint_every", "keep", "device", "threads", "data_dir",
    };

    /// <summary>Past samples a replay buffer keeps when only its fraction is given.</summary>
    public const int DefaultReplayCapacity = 10_000;

    /// <summary>JSON settings of configuration files: snake_case keys, named enums, unknown keys rejected, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    /// <summary>
    /// The demo: the ring with the default settings and the linearly decaying learning rate, 3,000 iterations.
    /// Measured (docs/toy-results.md): 8/8 modes on seeds 1, 2 and 3, 90.2–90.4% high-quality samples.
    /// </summary>
    public static RunOptions Demo => Resolve(new JsonObject { ["data"] = "ring", ["lr_schedule"] = "linear" });

    /// <summary>Points or images, from <see cref="Data"/>.</summary>
    [JsonIgnore]
    public DataKind Kind => KindOf(Data);

    /// <summary>G's shape (MLP models).</summary>
    [JsonIgnore]
    public MlpOptions? GeneratorNetwork => Model == ModelKind.Mlp ? new(GLayers ?? 0, GWidth ?? 0, Activation ?? Models.Activation.ReLU) : null;

    /// <summary>D's shape (MLP models).</summary>
    [JsonIgnore]
    public MlpOptions? DiscriminatorNetwork => Model == ModelKind.Mlp ? new(DLayers ?? 0, DWidth ?? 0, Activation ?? Models.Activation.ReLU) : null;

    /// <summary>The kind of data <paramref name="data"/> names: a built-in target or point file, else images.</summary>
    public static DataKind KindOf(string data) =>
        TargetDistributions.Names.Contains(data.ToLowerInvariant()) || PointFileExtensions.Contains(Path.GetExtension(data).ToLowerInvariant())
            ? DataKind.Points
            : DataKind.Images;

    /// <summary>The settings of Algorithm 1 that <see cref="GanTrainer"/> takes, for a run of <paramref name="iterations"/> iterations.</summary>
    public TrainingOptions ToTrainingOptions(int iterations) => new(
        iterations, BatchSize, K, Objective, Prior, LatentDim,
        new OptimizerOptions(OptimizerD, LrD, Beta1, Beta2, Momentum),
        new OptimizerOptions(OptimizerG, LrG, Beta1, Beta2, Momentum),
        Seed,
        ReplayFraction is { } fraction ? new ReplayOptions(ReplayCapacity ?? 0, fraction) : null,
        LrSchedule, Clip, GpLambda, R1, Pack, Ema, JointBatch, FeatureMatching);

    /// <summary>
    /// A complete configuration from the settings in <paramref name="given"/> (snake_case keys, as in <c>config.json</c>): the rest take
    /// the defaults of the data's kind and model. A setting that does not apply to the data or the model is an error, not ignored.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown key, a bad value, a setting that does not apply, or invalid settings; the message lists each.</exception>
    public static RunOptions Resolve(JsonObject given)
    {
        var data = given["data"] is JsonValue d && d.TryGetValue<string>(out var name) ? name : "ring";
        var kind = KindOf(data);
        var model = ModelKind.Mlp;
        if (given["model"] is JsonValue m && m.TryGetValue<string>(out var modelName)) model = SettingNames.Parse<ModelKind>(modelName, "model");
        else if (kind == DataKind.Images) model = ModelKind.Dcgan;

        var merged = Defaults(data, kind, model);
        if (kind == DataKind.Points) TargetDefaults.Apply(merged, data);
        ObjectiveDefaults.Apply(merged, given, kind);
        foreach (var (key, value) in given) merged[key] = value?.DeepClone();
        if (merged["replay_fraction"] is not null && merged["replay_capacity"] is null) merged["replay_capacity"] = DefaultReplayCapacity;
        if (model == ModelKind.Gmm && given["latent_dim"] is null) merged["latent_dim"] = GmmLatentDim(merged);
        RunOptions options;
        try
        {
            options = JsonSerializer.Deserialize<RunOptions>(merged, Json) ?? throw new JsonException("The configuration is null.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Invalid settings: {e.Message}", e);
        }
        var problems = NotApplicable(options, given.Select(p => p.Key)).Concat(BaselineMismatches(model, given, Defaults(data, kind, model))).Concat(options.Validate()).ToList();
        if (problems.Count > 0) throw new ArgumentException("Invalid settings: " + string.Join(" ", problems));
        return options;
    }

    /// <summary>The settings of a JSON object of (some) settings, such as a <c>--config</c> file.</summary>
    /// <exception cref="InvalidDataException">Not a JSON object, or a duplicate key; the message names <paramref name="source"/>.</exception>
    public static JsonObject ParseSettings(string json, string source)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw new InvalidDataException($"{source}: a configuration is a JSON object of settings.");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>Reads a configuration file (complete, like a run's <c>config.json</c>, or partial) as settings for <see cref="Resolve"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a JSON object of settings.</exception>
    public static JsonObject LoadSettings(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Config file '{path}' does not exist.", path);
        return ParseSettings(File.ReadAllText(path), $"Config file '{path}'");
    }

    /// <summary>A complete configuration from <paramref name="json"/> (a run's or checkpoint's <c>config.json</c>).</summary>
    /// <exception cref="InvalidDataException">Not a valid configuration; the message names <paramref name="source"/>.</exception>
    public static RunOptions FromJson(string json, string source)
    {
        try
        {
            return Resolve(ParseSettings(json, source));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>These settings as indented JSON (settings that do not apply left out).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>These settings as a JSON object.</summary>
    public JsonObject ToSettings() => (JsonObject)JsonSerializer.SerializeToNode(this, Json)!;

    /// <summary>Readable problems with these settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Data)) problems.Add("data must name a built-in target, a point file, fashion-mnist, mnist or a folder of pictures.");
        problems.AddRange(ToTrainingOptions(Iterations ?? 0).Validate());
        if (ReplayFraction is not null) problems.AddRange(new ReplayOptions(ReplayCapacity ?? 0, ReplayFraction.Value).Validate());
        if (Iterations is < 0) problems.Add(Invariant($"iterations must be zero or more (got {Iterations})."));
        if (Epochs is < 1) problems.Add(Invariant($"epochs must be at least 1 (got {Epochs})."));
        if (GeneratorNetwork is { } g) problems.AddRange(g.Validate("generator"));
        if (DiscriminatorNetwork is { } dn) problems.AddRange(dn.Validate("discriminator"));
        if (Kind == DataKind.Points && Model != ModelKind.Mlp) problems.Add($"model {SettingNames.Name(Model)} needs image data; points train MLPs (--model mlp).");
        if (Model == ModelKind.Dcgan && ImageSize is { } size && Channels is { } channels && Features is { } features)
            problems.AddRange(new DcganArchitecture(size, channels, LatentDim, features).Validate());
        if (DFeatures is < 1 or > DcganArchitecture.MaxFeatures) problems.Add(Invariant($"D's features (--d-features) must be between 1 and {DcganArchitecture.MaxFeatures} (got {DFeatures})."));
        if (Kind == DataKind.Images)
        {
            if (ImageSize is { } side && !DcganArchitecture.SupportedSizes.Contains(side))
                problems.Add(Invariant($"image size {side} is not supported: choose {string.Join(", ", DcganArchitecture.SupportedSizes)}."));
            if (Channels is not (1 or 3)) problems.Add(Invariant($"channels must be 1 (grayscale) or 3 (RGB) (got {Channels})."));
            if (ImageDatasets.IsBuiltIn(Data) && (ImageSize != 28 || Channels != 1))
                problems.Add(Invariant($"{Data} images are 28×28 grayscale: use image size 28 and 1 channel (got {ImageSize} and {Channels})."));
            if (Data == StackedMnist.Name && (ImageSize != 28 || Channels != 3))
                problems.Add(Invariant($"{Data} images are 28×28 with 3 channels: use image size 28 and 3 channels (got {ImageSize} and {Channels})."));
            if (SampleEvery is < 1) problems.Add(Invariant($"sample-every must be at least 1 iteration (got {SampleEvery})."));
            if (SampleCount is < 1 or > 1024) problems.Add(Invariant($"samples (images per grid) must be between 1 and 1024 (got {SampleCount})."));
            if (EvalEvery is < 0) problems.Add(Invariant($"eval-every must be 0 (off) or a number of iterations (got {EvalEvery})."));
            if (EvalEvery > 0 && (ImageSize != 28 || Channels != 1))
                problems.Add(Invariant($"eval-every measures FD with a 28×28 grayscale feature classifier, so it needs image size 28 and 1 channel (got {ImageSize} and {Channels})."));
        }
        if (BaselineModels.IsBaseline(Model)) problems.AddRange(ValidateBaseline());
        if (FramesEvery is < 0) problems.Add(Invariant($"frames-every must be zero (final frame only) or more (got {FramesEvery})."));
        if (CheckpointEvery < 1) problems.Add(Invariant($"checkpoint-every must be at least 1 iteration (got {CheckpointEvery})."));
        if (Keep < 1) problems.Add(Invariant($"keep must be at least 1 checkpoint (got {Keep})."));
        if (Threads < 0) problems.Add(Invariant($"threads must be zero (automatic) or more (got {Threads})."));
        return problems;
    }

    /// <summary>
    /// The settings to continue a run saved with these settings, with <paramref name="given"/> on top: the given settings may lengthen
    /// the run or change how often it writes its outputs (<see cref="ConflictsWith"/>); anything else that differs is an error.
    /// </summary>
    /// <exception cref="ArgumentException">A given setting conflicts with the run's, or the result is invalid; the message names each.</exception>
    public RunOptions ForResume(JsonObject given)
    {
        var settings = ToSettings();
        var conflicts = given
            .Where(p => !ResumableKeys.Contains(p.Key) && !JsonNode.DeepEquals(settings[p.Key], p.Value))
            .Select(p => $"{p.Key}: the run has {settings[p.Key]?.ToJsonString() ?? "none"}, requested {p.Value?.ToJsonString() ?? "none"}")
            .ToArray();
        if (conflicts.Length > 0)
            throw new ArgumentException(
                $"Cannot resume the run of {Data} with conflicting settings ({string.Join("; ", conflicts)}). " +
                "Leave these options out to continue the run as it was, or start a new run in another folder.");
        foreach (var (key, value) in given) settings[key] = value?.DeepClone();
        return Resolve(settings);
    }

    /// <summary>
    /// Settings of <paramref name="requested"/> that differ from these (a saved run's) in a way a resumed run cannot honour:
    /// everything but the length of the run, how often it writes its outputs, and where and on how many threads it computes.
    /// </summary>
    public IReadOnlyList<string> ConflictsWith(RunOptions requested)
    {
        var saved = ToSettings();
        var wanted = requested.ToSettings();
        return saved.Select(p => p.Key).Union(wanted.Select(p => p.Key))
            .Where(key => !ResumableKeys.Contains(key) && !JsonNode.DeepEquals(saved[key], wanted[key]))
            .Select(key => $"{key}: the run has {saved[key]?.ToJsonString() ?? "none"}, requested {wanted[key]?.ToJsonString() ?? "none"}")
            .ToArray();
    }

    /// <summary>DCGAN's default feature maps F on the built-in 28×28 sets (Fashion-MNIST, MNIST); 64 elsewhere.</summary>
    public const int Dcgan28Features = 32;

    /// <summary>DCGAN's default minibatch m on the built-in 28×28 sets (Fashion-MNIST, MNIST); 128 on other images.</summary>
    public const int Dcgan28BatchSize = 32;

    /// <summary>DCGAN's default learning rate of both players on the built-in 28×28 sets (Fashion-MNIST, MNIST); 2·10⁻⁴ on other images.</summary>
    public const double Dcgan28LearningRate = 3e-4;

    /// <summary>The default settings for <paramref name="data"/> of <paramref name="kind"/> trained with <paramref name="model"/>.</summary>
    private static JsonObject Defaults(string data, DataKind kind, ModelKind model)
    {
        bool images = kind == DataKind.Images;
        bool builtInImages = images && ImageDatasets.IsBuiltIn(data);
        var defaults = new JsonObject
        {
            ["data"] = data,
            ["model"] = SettingNames.Name(model),
            ["objective"] = SettingNames.Name(GanObjective.NonSaturating),
            ["k"] = 1,
            ["batch_size"] = images ? 128 : 256,
            ["iterations"] = images ? null : 3000,
            ["epochs"] = images ? 5 : null,
            ["prior"] = SettingNames.Name(NoisePrior.Normal),
            ["latent_dim"] = images ? 100 : 2,
            ["optimizer_d"] = SettingNames.Name(OptimizerKind.Adam),
            ["optimizer_g"] = SettingNames.Name(OptimizerKind.Adam),
            ["lr_d"] = images ? 2e-4 : 1e-3,
            ["lr_g"] = images ? 2e-4 : 1e-3,
            ["lr_schedule"] = SettingNames.Name(LearningRateSchedule.Constant),
            ["beta1"] = 0.5,
            ["beta2"] = 0.999,
            ["momentum"] = 0.9,
            ["seed"] = images ? 0 : 1,
            ["checkpoint_every"] = images ? 500 : 1000,
            ["keep"] = 3,
            ["device"] = SettingNames.Name(ComputeDevice.Cpu),
            ["threads"] = 0,
        };
        if (model == ModelKind.Mlp)
        {
            defaults["g_layers"] = 3;
            defaults["g_width"] = images ? 256 : 128;
            defaults["d_layers"] = 3;
            defaults["d_width"] = images ? 256 : 128;
            defaults["activation"] = SettingNames.Name(images ? Models.Activation.LeakyReLU : Models.Activation.ReLU);
        }
        if (model is ModelKind.Dcgan or ModelKind.Ae or ModelKind.Vae) defaults["features"] = 64;
        if (model == ModelKind.Dcgan && builtInImages)
        {
            // 28×28 digits and clothes: more, cheaper, larger steps in the same time. F = 32, m = 32, 3·10⁻⁴ reach 40 % of the FD of
            // Radford et al.'s F = 64, m = 128, 2·10⁻⁴ in less training time on Fashion-MNIST (docs/objectives.md, "Images").
            defaults["features"] = Dcgan28Features;
            defaults["batch_size"] = Dcgan28BatchSize;
            defaults["lr_d"] = Dcgan28LearningRate;
            defaults["lr_g"] = Dcgan28LearningRate;
        }
        if (model is ModelKind.Ae or ModelKind.Vae)
        {
            // Auto-encoders are trained as usual for them (Adam 10⁻³, β₁ = 0.9), not with DCGAN's settings for a game.
            defaults["lr_g"] = 1e-3;
            defaults["beta1"] = 0.9;
        }
        if (model == ModelKind.Gmm)
        {
            // One iteration is one EM step over all images: 30 steps, a grid every 5, a checkpoint every 10.
            defaults["components"] = 20;
            defaults["epochs"] = 30;
            defaults["checkpoint_every"] = 10;
        }
        if (images)
        {
            defaults["image_size"] = builtInImages ? 28 : 64;
            defaults["channels"] = builtInImages ? 1 : 3;
            if (data == StackedMnist.Name) defaults["image_size"] = 28;
            defaults["sample_every"] = model == ModelKind.Gmm ? 5 : 200;
            defaults["sample_count"] = 64;
            defaults["eval_every"] = 0;
        }
        else
        {
            defaults["frames_every"] = 100;
        }
        return defaults;
    }

    /// <summary>Problems with settings in <paramref name="givenKeys"/> that do not apply to <paramref name="options"/>'s data and model.</summary>
    private static IEnumerable<string> NotApplicable(RunOptions options, IEnumerable<string> givenKeys)
    {
        string what = options.Kind == DataKind.Points ? $"the points of '{options.Data}'" : $"the images of '{options.Data}'";
        foreach (var key in givenKeys)
        {
            string? appliesTo = key switch
            {
                "epochs" or "image_size" or "channels" or "sample_every" or "sample_count" or "eval_every" when options.Kind != DataKind.Images => "image data",
                "data_dir" when !(options.Kind == DataKind.Images && (ImageDatasets.IsBuiltIn(options.Data) || options.Data == StackedMnist.Name)) => "the built-in image sets (fashion-mnist, mnist, stacked-mnist)",
                "frames_every" when options.Kind != DataKind.Points => "point data (image runs write sample grids: --sample-every)",
                "g_layers" or "g_width" or "d_layers" or "d_width" or "activation" when options.Model != ModelKind.Mlp => "MLP models (--model mlp)",
                "replay_capacity" when options.ReplayFraction is null => "runs with replay (--replay FRACTION)",
                "clip" when options.Objective != GanObjective.Wgan => "the wgan objective (--objective wgan)",
                "gp_lambda" when options.Objective != GanObjective.WganGp => "the wgan-gp objective (--objective wgan-gp)",
                "features" when options.Model is not (ModelKind.Dcgan or ModelKind.Ae or ModelKind.Vae) => "DCGAN models and the auto-encoder baselines (--model dcgan, ae or vae)",
                "feature_matching" when options.FeatureMatching is > 0 && options.Model != ModelKind.Dcgan => "DCGAN discriminators (--model dcgan), whose last hidden layer it matches",
                "d_features" when options.Model != ModelKind.Dcgan => "DCGAN discriminators (--model dcgan)",
                "components" when options.Model != ModelKind.Gmm => "the Gaussian mixture baseline (--model gmm)",
                "minibatch_std" when options.MinibatchStd && options.Model != ModelKind.Dcgan => "DCGAN discriminators (--model dcgan): on points D's value at a point would depend on the other points drawn with it",
                "joint_batch" when options.JointBatch && (options.Model != ModelKind.Dcgan || options.SpectralNorm || options.MinibatchStd)
                    => "DCGAN discriminators with batch norm (--model dcgan without --spectral-norm or --minibatch-std, whose spread would mix data and generated images)",
                _ => null,
            };
            if (appliesTo is not null) yield return $"{key} (--{key.Replace('_', '-')}) applies to {appliesTo}, not to {what} with model {SettingNames.Name(options.Model)}.";
        }
    }

    /// <summary>
    /// Settings of a GAN's game given to a baseline model with a value other than the one it takes anyway (a run's config.json holds
    /// every setting, so the defaults must pass): a baseline has no discriminator, samples z ~ N(0, I), and EM takes no gradient steps.
    /// </summary>
    private static IEnumerable<string> BaselineMismatches(ModelKind model, JsonObject given, JsonObject defaults)
    {
        if (!BaselineModels.IsBaseline(model)) yield break;
        var ganOnly = new List<string> { "objective", "k", "optimizer_d", "lr_d", "replay_fraction", "replay_capacity", "prior" };
        if (model == ModelKind.Gmm) ganOnly.AddRange(new[] { "batch_size", "optimizer_g", "lr_g", "lr_schedule", "beta1", "beta2", "momentum" });
        foreach (var key in ganOnly)
            if (given.ContainsKey(key) && !JsonNode.DeepEquals(given[key], defaults[key]))
                yield return $"{key} (--{key.Replace('_', '-')}) does not apply to model {SettingNames.Name(model)}: " +
                    (model == ModelKind.Gmm ? "EM reads every image each iteration and samples z ~ N(0, I)." : "an auto-encoder has no discriminator and samples z ~ N(0, I).");
    }

    /// <summary>The noise dimension of the Gaussian mixture baseline: one per pixel plus the one that picks the component.</summary>
    private static int GmmLatentDim(JsonObject merged)
    {
        int side = merged["image_size"] is JsonValue s && s.TryGetValue<int>(out var sv) ? sv : 0;
        int channels = merged["channels"] is JsonValue c && c.TryGetValue<int>(out var cv) ? cv : 0;
        return channels * side * side + 1;
    }

    private IEnumerable<string> ValidateBaseline()
    {
        if (Kind != DataKind.Images) yield break;
        if (Prior != NoisePrior.Normal) yield return $"model {SettingNames.Name(Model)} samples z ~ N(0, I): use the normal prior.";
        if (Model == ModelKind.Gmm)
        {
            if (Components is not (>= 1 and <= 1000)) yield return Invariant($"components must be between 1 and 1000 (got {Components}).");
            int expected = (Channels ?? 0) * (ImageSize ?? 0) * (ImageSize ?? 0) + 1;
            if (LatentDim != expected) yield return Invariant($"the mixture's noise has one dimension per pixel plus one ({expected}), got latent_dim {LatentDim}.");
        }
        else if (ImageSize is { } size && Channels is { } channels && Features is { } features)
        {
            foreach (var problem in new DcganArchitecture(size, channels, LatentDim, features).Validate()) yield return problem;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            WriteIndented = true,
        };
        options.Converters.Add(new SettingNameConverter<GanObjective>());
        options.Converters.Add(new SettingNameConverter<NoisePrior>());
        options.Converters.Add(new SettingNameConverter<OptimizerKind>());
        options.Converters.Add(new SettingNameConverter<Activation>());
        options.Converters.Add(new SettingNameConverter<LearningRateSchedule>());
        options.Converters.Add(new SettingNameConverter<ComputeDevice>());
        options.Converters.Add(new SettingNameConverter<ModelKind>());
        return options;
    }
}
