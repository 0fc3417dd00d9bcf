using GanSharp.Gan;
using GanSharp.Objectives;
using GanSharp.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Theory;

/// <summary>How long and how fast to train D against a fixed generator.</summary>
/// <param name="Steps">Adam steps.</param>
/// <param name="BatchSize">Real and generated samples per step (each).</param>
/// <param name="LearningRate">Adam's step size (β = 0.9, 0.999: D alone is an ordinary classifier).</param>
public sealed record DiscriminatorFitOptions(int Steps = 2000, int BatchSize = 256, double LearningRate = 3e-3)
{
    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Steps < 0) problems.Add($"discriminator steps must be zero or more (got {Steps}).");
        if (BatchSize < 1) problems.Add($"batch size must be at least 1 (got {BatchSize}).");
        if (!(LearningRate > 0)) problems.Add($"learning rate must be positive (got {LearningRate}).");
        return problems;
    }
}

/// <summary>
/// Trains D against a fixed P_G — the inner maximisation max_D V(G, D) of the GAN game on its own — and
/// evaluates V on held-out samples, where the estimate of max_D V is honest (D never saw them).
/// </summary>
public static class DiscriminatorFitting
{
    /// <summary>
    /// Trains <paramref name="discriminator"/> (logits) in place to maximise V = E_data[log D] + E_G[log(1 − D)]
    /// on fresh minibatches from <paramref name="real"/> and <paramref name="fake"/>; returns the last minibatch V̂.
    /// </summary>
    /// <param name="discriminator">D's logit network.</param>
    /// <param name="real">Draws m samples of P_data.</param>
    /// <param name="fake">Draws m samples of P_G.</param>
    /// <param name="options">Steps, batch size, learning rate.</param>
    /// <param name="objective">The game whose D side is ascended (<see cref="ObjectiveLosses.DiscriminatorLoss"/>); the default is V's own.</param>
    public static double Fit(Module<Tensor, Tensor> discriminator, Func<int, Tensor> real, Func<int, Tensor> fake, DiscriminatorFitOptions options,
        GanObjective objective = GanObjective.Minimax)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid discriminator fitting options: " + string.Join(" ", problems), nameof(options));
        discriminator.train();
        Runtime.ThreadPolicy.ApplyFor(new Module[] { discriminator }, options.BatchSize);
        using var optimizer = optim.Adam(discriminator.parameters(), options.LearningRate, 0.9, 0.999);
        double last = double.NaN;
        for (int step = 0; step < options.Steps; step++)
        {
            using var scope = NewDisposeScope();
            // Ascend V: minimise the cross-entropy with data as class 1 and G(z) as class 0 (or the objective's D loss).
            var loss = ObjectiveLosses.DiscriminatorLoss(objective, discriminator.forward(real(options.BatchSize)), discriminator.forward(fake(options.BatchSize)));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            if (step == options.Steps - 1) last = -loss.item<float>();
        }
        return last;
    }

    /// <summary>
    /// V(G, D) = mean_i log D(x_i) + mean_j log(1 − D(y_j)) on held-out real x and generated y, with standard error
    /// √(s²_real / n + s²_fake / n').
    /// </summary>
    public static Estimate Value(Module<Tensor, Tensor> discriminator, Tensor real, Tensor fake)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        discriminator.eval();
        var logReal = GanLosses.LogD(discriminator.forward(real)).to_type(float64).data<double>().ToArray();
        var logFake = GanLosses.LogOneMinusD(discriminator.forward(fake)).to_type(float64).data<double>().ToArray();
        discriminator.train();
        var a = Estimate.OfMean(logReal);
        var b = Estimate.OfMean(logFake);
        return new Estimate(a.Value + b.Value, Math.Sqrt(a.StandardError * a.StandardError + b.StandardError * b.StandardError));
    }

    /// <summary>JSD_est = (V(G, D) + 2 log 2) / 2 from held-out samples: by Theorem 1 a lower bound on JSD(P_data‖P_G) for any D.</summary>
    public static Estimate JensenShannonLowerBound(Module<Tensor, Tensor> discriminator, Tensor real, Tensor fake)
    {
        var v = Value(discriminator, real, fake);
        return new Estimate(OptimalDiscriminator.JensenShannonFromValue(v.Value), v.StandardError / 2);
    }

    /// <summary>D(x) = σ(l(x)) without gradients, as float64 values.</summary>
    public static double[] Probabilities(Module<Tensor, Tensor> discriminator, Tensor x)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        discriminator.eval();
        var d = discriminator.forward(x.to_type(float32)).sigmoid().to_type(float64).data<double>().ToArray();
        discriminator.train();
        return d;
    }

    /// <summary>Builds a fresh MLP discriminator for d-dimensional points with weights from <paramref name="seed"/>.</summary>
    public static Models.MlpDiscriminator NewDiscriminator(int dimension, Models.MlpOptions options, long seed)
    {
        manual_seed(RandomStreams.Seed(seed, RandomStreams.Weights));
        return new Models.MlpDiscriminator(new long[] { dimension }, options);
    }
}
