using static TorchSharp.torch;

namespace GanSharp.Gan;

/// <summary>A fixed-size store of past generated samples, overwritten oldest first, that D sees again (see <see cref="ReplayOptions"/>).</summary>
public sealed class ReplayBuffer : IDisposable
{
    private readonly ReplayOptions _options;
    private readonly RandomStream _random;
    private Tensor? _store;      // [Capacity, ...sample shape], CPU
    private long _count;
    private long _next;

    /// <param name="options">Capacity and fraction.</param>
    /// <param name="seed">Seed of the buffer's own random stream (which stored samples are drawn).</param>
    public ReplayBuffer(ReplayOptions options, long seed)
    {
        _options = options;
        _random = new RandomStream((ulong)seed);
    }

    /// <summary>Samples stored so far (at most the capacity).</summary>
    public long Count => _count;

    /// <summary>
    /// Returns <paramref name="fresh"/> ([m, ...]) with its first ⌊f·m⌋ rows replaced by random stored samples
    /// (unchanged while the buffer holds fewer than that), then stores the fresh samples.
    /// </summary>
    public Tensor Mix(Tensor fresh)
    {
        using var scope = NewDisposeScope();
        long m = fresh.shape[0];
        long replaced = (long)Math.Floor(_options.Fraction * m);
        var result = fresh;
        if (_store is not null && replaced > 0 && _count >= replaced)
        {
            var index = randint(0, _count, new long[] { replaced }, dtype: int64, generator: _random);
            var old = _store.index_select(0, index).to(fresh.device);
            result = cat(new[] { old, fresh.narrow(0, replaced, m - replaced) }, 0);
        }
        Store(fresh.detach().cpu());
        return result.MoveToOuterDisposeScope();
    }

    private void Store(Tensor samples)
    {
        if (_store is null)
        {
            var shape = samples.shape.ToArray();
            shape[0] = _options.Capacity;
            _store = zeros(shape, dtype: samples.dtype).DetachFromDisposeScope();
        }
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        long m = Math.Min(samples.shape[0], _options.Capacity);
        var rows = samples.narrow(0, samples.shape[0] - m, m);
        var slots = (arange(m, dtype: int64) + _next).remainder(_options.Capacity);     // [m] positions to overwrite
        _store.index_copy_(0, slots, rows);
        _next = (_next + m) % _options.Capacity;
        _count = Math.Min(_count + m, _options.Capacity);
    }

    /// <summary>Writes the stored samples, the write position and the random stream, so that a resumed run replays the same samples.</summary>
    public void SaveState(BinaryWriter writer)
    {
        writer.Write(_count);
        writer.Write(_next);
        using (var random = _random.get_state()) WriteBytes(writer, random.data<byte>().ToArray());
        writer.Write(_store is not null);
        if (_store is null) return;
        var shape = _store.shape;
        writer.Write(shape.Length);
        foreach (var size in shape) writer.Write(size);
        using var floats = _store.to_type(float32).contiguous();
        var values = floats.data<float>().ToArray();
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        WriteBytes(writer, bytes);
    }

    /// <summary>Restores a state written by <see cref="SaveState"/>.</summary>
    /// <exception cref="InvalidDataException">The state was written for another capacity.</exception>
    public void LoadState(BinaryReader reader)
    {
        _count = reader.ReadInt64();
        _next = reader.ReadInt64();
        using (var random = tensor(ReadBytes(reader), dtype: uint8)) _random.set_state(random);
        _store?.Dispose();
        _store = null;
        if (!reader.ReadBoolean()) return;
        var shape = new long[reader.ReadInt32()];
        for (int i = 0; i < shape.Length; i++) shape[i] = reader.ReadInt64();
        if (shape[0] != _options.Capacity) throw new InvalidDataException($"The replay buffer was saved with capacity {shape[0]}, this run has {_options.Capacity}.");
        var bytes = ReadBytes(reader);
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        _store = tensor(values, shape).DetachFromDisposeScope();
    }

    private static void WriteBytes(BinaryWriter writer, byte[] bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static byte[] ReadBytes(BinaryReader reader) => reader.ReadBytes(reader.ReadInt32());

    /// <inheritdoc />
    public void Dispose()
    {
        _store?.Dispose();
        _random.Dispose();
    }
}
