using GanSharp.Runtime;

namespace GanSharp.Tests.Runtime;

public class ThreadPolicyTests
{
    [Fact]
    public void The_toy_mlp_at_batch_512_runs_on_one_thread()
    {
        // 3 hidden layers of 128: 2·128 + 128 + 2·(128·128 + 128) + 128·2 + 2 = 33,666 parameters.
        double flops = ThreadPolicy.ForwardFlopsLowerBound(33_666, 512);
        Assert.Equal(34_473_984, flops);
        Assert.Equal(1, ThreadPolicy.Recommend(flops, cores: 8));
    }

    [Fact]
    public void A_model_above_the_threshold_uses_every_core()
    {
        Assert.Equal(8, ThreadPolicy.Recommend(ThreadPolicy.SmallModelFlops, cores: 8));
        Assert.Equal(2, ThreadPolicy.Recommend(1e12, cores: 2));
        Assert.Equal(1, ThreadPolicy.Recommend(1e12, cores: 1));
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
