using GanSharp.Gan;
using GanSharp.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Tests.Gan;

public class FeatureMatchingTrainingTests
{
    /// <summary>G(z) = b for every z: one learnable point.</summary>
    private sealed class ConstantGenerator : Module<Tensor, Tensor>
    {
        private readonly Parameter b;
        public ConstantGenerator(double[] start) : base(nameof(ConstantGenerator))
        {
            b = Parameter(tensor(start, dtype: float32));
            RegisterComponents();
        }
        public Tensor Point => b;
        public override Tensor forward(Tensor z) => b.unsqueeze(0).expand(z.shape[0], -1);
    }

    /// <summary>A D whose logit is 0 everywhere (so the game gives G no gradient) and whose hidden layer is x itself.</summary>
    private sealed class FlatDiscriminator : Module<Tensor, Tensor>, IHiddenFeatures
    {
        private readonly Parameter w = Parameter(zeros(1));
        public FlatDiscriminator() : base(nameof(FlatDiscriminator)) => RegisterComponents();
        public override Tensor forward(Tensor x) => x.sum(1) * w * 0;
        public (Tensor Logits, Tensor Hidden) ForwardWithHidden(Tensor x) => (forward(x), x);
    }

    private static readonly double[] Data = { 1, 2, 3, 6, 5, 4, 7, 8 };   // mean (4, 5)

    private static (float[] Point, IterationStats Stats) StepOnce(double? lambda, bool joint)
    {
        var generator = new ConstantGenerator(new[] { 0.0, 1.0 });
        var options = new TrainingOptions(Iterations: 1, BatchSize: 4, LatentDim: 1, JointBatch: joint, FeatureMatching: lambda,
            GeneratorOptimizer: new GanSharp.Gan.OptimizerOptions(OptimizerKind.Sgd, LearningRate: 0.1, Momentum: 0));
        using var trainer = new GanTrainer(generator, new FlatDiscriminator(), new FixedPointBatch(tensor(Data, new long[] { 4, 2 }, float32)), options);
        var stats = trainer.Step();
        return (generator.Point.data<float>().ToArray(), stats);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_generator_step_moves_g_towards_the_data_mean_by_the_hand_derived_gradient(bool joint)
    {
        // L_G = log 2 (D is flat) + λ·mean_j (μ_j − b_j)², μ = (4, 5), b = (0, 1): ∂L_G/∂b = −2λ(μ − b)/d = −λ·(4, 4).
        // One SGD step with η = 0.1 and λ = 0.5: b' = b + 0.1·0.5·(4, 4) = (0.2, 1.2); the loss before it is log 2 + 0.5·16.
        var (point, stats) = StepOnce(0.5, joint);
        Assert.Equal(0.2f, point[0], 5);
        Assert.Equal(1.2f, point[1], 5);
        Assert.Equal(Math.Log(2) + 8, stats.GeneratorLoss, 5);
    }

    [Fact]
    public void Without_it_or_with_lambda_zero_the_flat_d_leaves_g_where_it_was()
    {
        foreach (var lambda in new double?[] { null, 0 })
        {
            var (point, stats) = StepOnce(lambda, joint: false);
            Assert.Equal(new[] { 0f, 1f }, point);
            Assert.Equal(Math.Log(2), stats.GeneratorLoss, 5);
        }
    }

    [Fact]
    public void A_d_without_a_hidden_layer_to_read_is_refused_by_name()
    {
        var options = new TrainingOptions(BatchSize: 4, LatentDim: 1, FeatureMatching: 1);
        var e = Assert.Throws<ArgumentException>(() => new GanTrainer(new ConstantGenerator(new[] { 0.0, 0.0 }), new MlpDiscriminator(new long[] { 2 }, new MlpOptions(1, 4)),
            new FixedPointBatch(tensor(Data, new long[] { 4, 2 }, float32)), options));
        Assert.Contains("Feature matching reads D's last hidden layer, which MlpDiscriminator does not give", e.Message);
        Assert.Contains("must be zero or more", Assert.Throws<ArgumentException>(() => new GanTrainer(new ConstantGenerator(new[] { 0.0, 0.0 }),
            new FlatDiscriminator(), new FixedPointBatch(tensor(Data, new long[] { 4, 2 }, float32)), options with { FeatureMatching = -1 })).Message);
    }
}
