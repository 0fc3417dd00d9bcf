using GanSharp.Models;
using TorchSharp.PyBridge;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanSharp.Tests.Sampling;

public sealed class SafetensorsExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gansharp-safetensors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(28)]
    [InlineData(64)]
    public void The_architecture_in_docs_applied_to_the_exported_tensors_reproduces_the_generator(int size)
    {
        // docs/safetensors.md: project (kernel = base side, stride 1) → bn0 → ReLU → [up{i} (4, 2, 1) → bn{i} → ReLU] → out (4, 2, 1) → tanh.
        manual_seed(4);
        var arch = new DcganArchitecture(size, 3, 5, 2);
        using var g = new DcganGenerator(arch);
        g.train();
        using (no_grad()) g.forward(randn(8, 5));   // move the batch-norm running statistics away from (0, 1)
        g.eval();
        var path = Path.Combine(_dir, "g.safetensors");
        g.save_safetensors(path);
        var w = Safetensors.LoadStateDict(path);
        using var z = randn(3, 5);

        Tensor Bn(Tensor x, string name) => F.batch_norm(x, w[$"net.{name}.running_mean"], w[$"net.{name}.running_var"], w[$"net.{name}.weight"], w[$"net.{name}.bias"], training: false, eps: 1e-5);
        // The first transposed convolution written out (x[m, o, i, j] = Σ_c z[m, c] W[c, o, i, j]): libtorch's CPU ConvTranspose2d gets
        // this 1 × 1-input case wrong in float32 (docs/known-issues.md).
        var x = einsum("mc,coij->moij", z, w["net.project.weight"]);
        x = F.relu(Bn(x, "bn0"));
        for (int i = 1; i < arch.Upsamplings; i++)
            x = F.relu(Bn(F.conv_transpose2d(x, w[$"net.up{i}.weight"], null, strides: new long[] { 2 }, padding: new long[] { 1 }), $"bn{i}"));
        x = F.conv_transpose2d(x, w["net.out.weight"], w["net.out.bias"], strides: new long[] { 2 }, padding: new long[] { 1 }).tanh();

        using var expected = g.forward(z);
        Assert.Equal(new long[] { 3, 3, size, size }, x.shape);
        Assert.True(x.allclose(expected, rtol: 1e-4, atol: 1e-5), "functional forward of the exported tensors differs from G(z)");
    }
}
