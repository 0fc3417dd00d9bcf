using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Tests.Runtime;

public class ThreadPolicyTests
{
    // Parameters of the demo's 3 hidden × 128 MLP generator (2 → 2): 2·128 + 128 + 2·(128·128 + 128) + 128·2 + 2.
    private const long ToyGeneratorParameters = 33_666;

    // DCGAN-28 generator (F = 64, z ∈ ℝ¹⁰⁰): ConvT 100→128 k7 (627,200) + BN (256) + ConvT 128→64 k4 (131,072) + BN (128) + ConvT 64→1 k4 with bias (1,025).
    private const long Dcgan28GeneratorParameters = 759_681;

    [Theory]
    [InlineData(100, 6_733_200)]
    [InlineData(256, 17_236_992)]
    [InlineData(512, 34_473_984)]
    public void The_toy_mlp_runs_on_one_thread_up_to_batch_512(long batch, double expectedFlops)
    {
        double flops = ThreadPolicy.ForwardFlopsLowerBound(ToyGeneratorParameters, batch);
        Assert.Equal(expectedFlops, flops);
        Assert.Equal(1, ThreadPolicy.Recommend(flops, cores: 2));
        Assert.Equal(1, ThreadPolicy.Recommend(flops, cores: 16));
    }

    [Fact]
    public void The_toy_mlp_at_batch_1024_gets_two_threads_of_2_5e7_operations_each()
    {
        double flops = ThreadPolicy.ForwardFlopsLowerBound(ToyGeneratorParameters, 1024);
        Assert.Equal(68_947_968, flops);                          // ⌊6.89·10⁷ / 2.5·10⁷⌋ = 2
        Assert.Equal(2, ThreadPolicy.Recommend(flops, cores: 2));
        Assert.Equal(2, ThreadPolicy.Recommend(flops, cores: 16));
    }

    [Fact]
    public void Dcgan28_at_batch_64_uses_both_cores_of_two_and_three_of_sixteen()
    {
        double flops = ThreadPolicy.ForwardFlopsLowerBound(Dcgan28GeneratorParameters, 64);
        Assert.Equal(97_239_168, flops);                          // ⌊9.72·10⁷ / 2.5·10⁷⌋ = 3
        Assert.Equal(2, ThreadPolicy.Recommend(flops, cores: 2));
        Assert.Equal(3, ThreadPolicy.Recommend(flops, cores: 16));
    }

    [Fact]
    public void Each_thread_gets_at_least_the_minimum_work()
    {
        Assert.Equal(5e7, ThreadPolicy.SmallModelFlops);
        Assert.Equal(1, ThreadPolicy.Recommend(ThreadPolicy.SmallModelFlops - 1, cores: 8));
        Assert.Equal(2, ThreadPolicy.Recommend(ThreadPolicy.SmallModelFlops, cores: 8));
        Assert.Equal(4, ThreadPolicy.Recommend(4 * ThreadPolicy.MinFlopsPerThread, cores: 8));
        Assert.Equal(8, ThreadPolicy.Recommend(1e12, cores: 8));
        Assert.Equal(1, ThreadPolicy.Recommend(1e12, cores: 1));
        Assert.Equal(1, ThreadPolicy.Recommend(0, cores: 8));
    }

    [Fact]
    public void The_work_of_several_models_is_that_of_the_largest()
    {
        using var small = nn.Linear(2, 3);   // 9 parameters
        using var large = nn.Linear(4, 5);   // 25 parameters
        Assert.Equal(2.0 * 25 * 10, ThreadPolicy.ForwardFlopsLowerBound(new nn.Module[] { small, large }, 10));
    }

    [Fact]
    public void Impossible_counts_are_rejected_with_the_quantity_named()
    {
        Assert.Throws<ArgumentOutOfRangeException>("cores", () => ThreadPolicy.Recommend(1e9, cores: 0));
        Assert.Throws<ArgumentOutOfRangeException>("forwardFlops", () => ThreadPolicy.Recommend(double.NaN, cores: 2));
        Assert.Throws<ArgumentOutOfRangeException>("parameters", () => ThreadPolicy.ForwardFlopsLowerBound(-1, 64));
        Assert.Throws<ArgumentOutOfRangeException>("threads", () => ThreadPolicy.SetThreads(0));
    }

    [Fact]
    public void Before_the_first_choice_only_libtorchs_default_counts_as_untouched()
    {
        Assert.False(ThreadPolicy.IsUserChoice(current: 16, lastApplied: null, logicalCores: 16, physicalCores: 8));
        Assert.False(ThreadPolicy.IsUserChoice(current: 8, lastApplied: null, logicalCores: 16, physicalCores: 8));
        Assert.True(ThreadPolicy.IsUserChoice(current: 1, lastApplied: null, logicalCores: 16, physicalCores: 8));
    }

    [Fact]
    public void After_a_choice_any_other_count_is_the_users()
    {
        Assert.False(ThreadPolicy.IsUserChoice(current: 1, lastApplied: 1, logicalCores: 2, physicalCores: 2));
        Assert.True(ThreadPolicy.IsUserChoice(current: 2, lastApplied: 1, logicalCores: 2, physicalCores: 2));
    }

    [Fact]
    public void Physical_cores_are_between_one_and_the_logical_processor_count()
    {
        int cores = ThreadPolicy.PhysicalCores();
        Assert.InRange(cores, 1, Environment.ProcessorCount);
    }
}
