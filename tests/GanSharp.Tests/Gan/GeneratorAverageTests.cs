using GanSharp.Gan;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Tests.Gan;

public class GeneratorAverageTests
{
    [Fact]
    public void The_average_starts_as_a_copy_and_moves_by_one_minus_beta_towards_each_new_weight()
    {
        manual_seed(1);
        var live = Linear(2, 1);
        using var average = new GeneratorAverage(live, Linear(2, 1), 0.9);
        var start = live.weight!.data<float>().ToArray();
        Assert.Equal(start, ((TorchSharp.Modules.Linear)average.Generator).weight!.data<float>().ToArray());

        using (no_grad()) live.weight!.add_(1);
        average.Update();   // θ̄ = 0.9 θ̄ + 0.1 (θ̄ + 1) = θ̄ + 0.1
        var moved = ((TorchSharp.Modules.Linear)average.Generator).weight!.data<float>().ToArray();
        for (int i = 0; i < start.Length; i++) Assert.Equal(start[i] + 0.1f, moved[i], 5);
        average.Update();   // θ̄ + 0.1 + 0.1·0.9 = θ̄ + 0.19
        moved = ((TorchSharp.Modules.Linear)average.Generator).weight!.data<float>().ToArray();
        for (int i = 0; i < start.Length; i++) Assert.Equal(start[i] + 0.19f, moved[i], 5);
        live.Dispose();
    }

    [Fact]
    public void A_decay_outside_zero_to_one_is_refused()
    {
        using var live = Linear(2, 1);
        using var other = Linear(2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorAverage(live, other, 1.0));
    }
}
