using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Baselines;

/// <summary>
/// Trains the auto-encoder baselines on minibatches, encoder and decoder of DCGAN size (<see cref="ConvEncoder"/>, <see cref="DcganGenerator"/>)
/// with one optimiser (the run's generator optimiser settings):
/// <list type="bullet">
/// <item><c>ae</c>: minimise Σ_j (x_j − dec(enc(x))_j)²; samples decode z ~ N(0, I) through the Gaussian fitted to the codes (<see cref="LatentGaussianDecoder"/>).</item>
/// <item><c>vae</c> (Kingma &amp; Welling 2014): enc(x) = (m, σ), c = exp(σ) ⊙ e + m with e ~ N(0, I) (the reparameterisation),
/// minimise <see cref="VaeLosses.NegativeElbo"/>; samples decode z ~ N(0, I) directly.</item>
/// </list>
/// The loss is reported as <see cref="IterationStats.GeneratorLoss"/>; an auto-encoder has no discriminator, so the D columns are 0.
/// </summary>
public sealed class AutoEncoderTrainer : IBaselineTrainer
{
    private readonly ConvEncoder _encoder;
    private readonly DcganGenerator _decoder;
    private readonly Module<Tensor, Tensor> _sampler;
    private readonly optim.Optimizer _optimizer;
    private readonly RandomStream _noise;
    private readonly int _batchSize;
    private readonly int _latentDim;
    private readonly Device _device;

    /// <param name="variational">A VAE (true) or a deterministic auto-encoder (false).</param>
    /// <param name="architecture">Image size, channels, code dimension and features of encoder and decoder.</param>
    /// <param name="optimizer">The optimiser of both networks.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="seed">The run's seed (the noise stream e is derived from it).</param>
    /// <param name="data">Real minibatches.</param>
    /// <param name="device">Where the networks live.</param>
    public AutoEncoderTrainer(bool variational, DcganArchitecture architecture, Gan.OptimizerOptions optimizer, int batchSize, int seed, IBatchSource data, Device device)
    {
        Variational = variational;
        _batchSize = batchSize;
        _latentDim = architecture.LatentDim;
        _device = device;
        Data = data;
        _encoder = new ConvEncoder(architecture, variational ? 2 * architecture.LatentDim : architecture.LatentDim);
        if (variational)
        {
            _decoder = new DcganGenerator(architecture);
            _sampler = _decoder;
        }
        else
        {
            var sampler = new LatentGaussianDecoder(architecture);
            _decoder = sampler.Decoder;
            _sampler = sampler;
        }
        _encoder.to(device);
        _sampler.to(device);
        _optimizer = optimizer.Create(_encoder.parameters().Concat(_decoder.parameters()));
        _noise = new RandomStream((ulong)RandomStreams.Seed(seed, RandomStreams.Noise));
    }

    /// <summary>Whether this is the VAE.</summary>
    public bool Variational { get; }

    /// <inheritdoc />
    public Module<Tensor, Tensor> Sampler => _sampler;

    /// <summary>The encoder.</summary>
    public ConvEncoder Encoder => _encoder;

    /// <inheritdoc />
    public IBatchSource Data { get; }

    /// <inheritdoc />
    public RandomStream NoiseStream => _noise;

    /// <inheritdoc />
    public int Iteration { get; set; }

    /// <inheritdoc />
    public IterationStats Step()
    {
        using var scope = NewDisposeScope();
        _encoder.train();
        _sampler.train();
        var x = Data.NextBatch(_batchSize).to(_device);                                  // [m, C, S, S]
        Tensor loss;
        if (Variational)
        {
            var h = _encoder.forward(x);                                                  // [m, 2d]
            var mean = h.narrow(1, 0, _latentDim);
            var logStd = h.narrow(1, _latentDim, _latentDim);
            var e = randn(mean.shape, generator: _noise).to(_device);
            var code = logStd.exp() * e + mean;                                           // c = exp(σ) ⊙ e + m
            loss = VaeLosses.NegativeElbo(x, _decoder.forward(code), mean, logStd);
        }
        else
        {
            var code = _encoder.forward(x);                                               // [m, d]
            loss = VaeLosses.SquaredError(x, _decoder.forward(code));
            ((LatentGaussianDecoder)_sampler).Track(code);
        }
        _optimizer.zero_grad();
        loss.backward();
        _optimizer.step();
        Iteration++;
        double value = loss.item<float>();
        var stats = new IterationStats(Iteration, 0, value, 0, 0, 0, 0);
        if (!double.IsFinite(value)) throw new TrainingDivergedException(stats);
        return stats;
    }

    /// <inheritdoc />
    public Tensor Sample(long n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        bool wasTraining = _sampler.training;
        _sampler.eval();
        var z = PriorSampler.Sample(NoisePrior.Normal, n, _latentDim, stream, _device);
        var x = _sampler.forward(z).cpu();
        if (wasTraining) _sampler.train();
        return x.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void SaveState(BinaryWriter writer)
    {
        _encoder.save(writer);
        ((OptimizerHelper)_optimizer).save_state_dict(writer);
    }

    /// <inheritdoc />
    public void LoadState(BinaryReader reader)
    {
        _encoder.load(reader, strict: true);
        ((OptimizerHelper)_optimizer).load_state_dict(reader);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _noise.Dispose();
        _encoder.Dispose();
        _sampler.Dispose();
    }
}
