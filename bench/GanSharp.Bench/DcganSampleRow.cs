using GanSharp.Models;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Bench;

/// <summary>Sampling from the library's DCGAN-64 RGB generator: batch 256 per iteration, no gradients, eval mode.</summary>
internal sealed class DcganSampleRow : IBenchRow
{
    private const int Batch = 256;
    private readonly DcganGenerator _generator;
    private readonly RandomStream _noise = new(3);

    public DcganSampleRow()
    {
        var architecture = new DcganArchitecture(64, 3, 100, Features: 64);
        manual_seed(0);
        _generator = new DcganGenerator(architecture);
        _generator.eval();
        ForwardFlops = ThreadPolicy.ForwardFlopsLowerBound(new[] { _generator }, Batch);
        ThreadPolicy.ApplyForFlops(ForwardFlops);
        FlopsPerIteration = Batch * DcganFlops.Generator(architecture);
    }

    public double FlopsPerIteration { get; }

    public double ForwardFlops { get; }

    public void Step()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        _generator.forward(randn(new long[] { Batch, 100 }, generator: _noise));
    }

    public void Dispose()
    {
        _generator.Dispose();
        _noise.Dispose();
    }
}
