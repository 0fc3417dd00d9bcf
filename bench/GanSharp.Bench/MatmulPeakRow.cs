using static TorchSharp.torch;

namespace GanSharp.Bench;

/// <summary>The machine's practical float32 peak: one n × n by n × n matrix product (2n³ operations).</summary>
internal sealed class MatmulPeakRow : IBenchRow
{
    private const long N = 2048;
    private readonly Tensor _a = randn(N, N);
    private readonly Tensor _b = randn(N, N);

    public double FlopsPerIteration => 2.0 * N * N * N;

    public double ForwardFlops => FlopsPerIteration;

    public void Step()
    {
        using var c = _a.matmul(_b);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
