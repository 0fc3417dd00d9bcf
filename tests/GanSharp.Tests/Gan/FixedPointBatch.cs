using GanSharp.Data;
using static TorchSharp.torch;

namespace GanSharp.Tests.Gan;

/// <summary>The same 2D points every call: a data source whose minibatch the test knows.</summary>
internal sealed class FixedPointBatch : IBatchSource
{
    private readonly Tensor _points;
    public FixedPointBatch(Tensor points) => _points = points;
    public long[] SampleShape => new long[] { 2 };
    public Tensor NextBatch(int m) => m == _points.shape[0] ? _points.clone() : throw new ArgumentException($"this source holds {_points.shape[0]} points, not {m}");
    public BatchSourceState SaveState() => new(Array.Empty<byte>());
    public void LoadState(BatchSourceState state) { }
    public void Dispose() => _points.Dispose();
}
