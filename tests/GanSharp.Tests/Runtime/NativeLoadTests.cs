using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Tests.Runtime;

public class NativeLoadTests
{
    [Fact]
    public void TorchSharp_loads_and_multiplies_matrices()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        using var b = tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });
        using var c = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, c.data<float>().ToArray());
    }

    [Fact]
    public void Autograd_gives_the_derivative_of_x_cubed()
    {
        using var x = tensor(2.0, requires_grad: true);
        using var y = x.pow(3);
        y.backward();
        Assert.Equal(12.0, x.grad!.item<double>(), 12);
    }

    [Fact]
    public void Omp_wait_policy_is_passive_in_the_native_environment_unless_the_user_chose()
    {
        NativeEnvironment.Configure();
        var user = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        Assert.False(string.IsNullOrEmpty(NativeEnvironment.GetNative("OMP_WAIT_POLICY")));
        Assert.Equal(user, NativeEnvironment.GetNative("OMP_WAIT_POLICY"));
    }
}
