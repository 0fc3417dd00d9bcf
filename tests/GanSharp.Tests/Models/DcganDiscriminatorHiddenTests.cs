using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Tests.Models;

public class DcganDiscriminatorHiddenTests
{
    [Theory]
    [InlineData(28, false, 8 * 7 * 7)]
    [InlineData(28, true, 8 * 7 * 7)]
    [InlineData(32, false, 16 * 4 * 4)]
    public void The_hidden_layer_is_the_last_one_before_the_logit_and_the_logits_are_those_of_forward(int size, bool minibatchStd, int hiddenLength)
    {
        manual_seed(3);
        using var d = new DcganDiscriminator(new DcganArchitecture(size, 3, 8, 4), pack: 2, minibatchStd: minibatchStd);
        d.eval();
        using var x = randn(5, 6, size, size);
        var (logits, hidden) = d.ForwardWithHidden(x);
        using var expected = d.forward(x);
        Assert.Equal(new long[] { 5, hiddenLength }, hidden.shape);
        Assert.True(allclose(expected, logits, rtol: 0, atol: 1e-6));
        // The logit (without the minibatch channel) is the full-frame convolution of that layer: a linear map of it plus a bias.
        if (!minibatchStd)
        {
            var weight = d.named_parameters().Single(p => p.name == "net.logit.weight").parameter.flatten();
            var bias = d.named_parameters().Single(p => p.name == "net.logit.bias").parameter;
            using var byHand = hidden.matmul(weight) + bias;
            Assert.True(allclose(byHand, logits, rtol: 0, atol: 1e-5));
        }
    }
}
