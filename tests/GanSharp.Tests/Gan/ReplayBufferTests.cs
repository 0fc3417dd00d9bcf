using GanSharp.Gan;
using static TorchSharp.torch;

namespace GanSharp.Tests.Gan;

public class ReplayBufferTests
{
    [Fact]
    public void Replay_passes_the_first_batch_through_then_replaces_half_with_stored_samples()
    {
        using var buffer = new ReplayBuffer(new ReplayOptions(Capacity: 8, Fraction: 0.5), seed: 1);
        using var first = full(4, 1, 1f);
        using var mixedFirst = buffer.Mix(first);
        Assert.Equal(new[] { 1f, 1, 1, 1 }, mixedFirst.data<float>().ToArray());
        using var second = full(4, 1, 2f);
        using var mixed = buffer.Mix(second);
        Assert.Equal(new[] { 1f, 1, 2, 2 }, mixed.data<float>().ToArray());
        Assert.Equal(8, buffer.Count);
    }

    [Fact]
    public void Replay_options_with_a_fraction_outside_zero_one_are_rejected_by_the_training_options()
    {
        var problems = new TrainingOptions(Replay: new ReplayOptions(100, 1.5)).Validate();
        Assert.Contains(problems, p => p.Contains("replay fraction"));
    }
}
