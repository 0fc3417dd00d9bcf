using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>Draws many samples from a generator in batches, without gradients, into one CPU tensor.</summary>
public static class GeneratorSamples
{
    /// <summary>Samples per forward pass: enough for speed, small enough that a DCGAN's activations stay in tens of megabytes.</summary>
    public const int DefaultBatchSize = 500;

    /// <summary>Calls <paramref name="sampleBatch"/>(m) until <paramref name="count"/> samples are drawn; returns them concatenated, [count, ...], on the CPU.</summary>
    public static Tensor Draw(Func<long, Tensor> sampleBatch, int count, int batchSize = DefaultBatchSize)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one sample is needed.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1.");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var batches = new List<Tensor>();
        for (int done = 0; done < count; done += batchSize)
        {
            long m = Math.Min(batchSize, count - done);
            var batch = sampleBatch(m).detach().cpu();
            if (batch.shape[0] != m) throw new InvalidOperationException($"The generator returned {batch.shape[0]} samples when asked for {m}.");
            batches.Add(batch);
        }
        return cat(batches, 0).MoveToOuterDisposeScope();
    }

    /// <summary>A "generator" that serves the rows of <paramref name="images"/> in order (for samples saved as files).</summary>
    /// <exception cref="ArgumentException">Fewer rows than <paramref name="required"/>.</exception>
    public static Func<long, Tensor> FromImages(Tensor images, int required)
    {
        if (images.shape[0] < required)
            throw new ArgumentException($"The sample folder has {images.shape[0]} images but the evaluation compares {required}; lower --n or write more samples.", nameof(images));
        long next = 0;
        return m =>
        {
            var batch = images.narrow(0, next, m);
            next += m;
            return batch;
        };
    }
}
