using GanSharp.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Evaluation;

/// <summary>Trains an <see cref="AttributeClassifier"/> on images labelled with every attribute, and reads attributes off images.</summary>
public static class AttributeClassifierTrainer
{
    /// <summary>
    /// Minimises the summed cross-entropies of the heads, Σ_a −(1/m) Σ_i log softmax(f_a(x_i))_{y_ia}, with Adam for
    /// <see cref="FeatureClassifierOptions.Epochs"/> epochs.
    /// </summary>
    /// <param name="images">[N, 3, 64, 64] in [−1, 1].</param>
    /// <param name="labels">[N, A]: attribute a of image i, in 0 … K_a − 1.</param>
    /// <param name="valueCounts">K_a per attribute.</param>
    /// <param name="options">Epochs, batch size, learning rate and seed.</param>
    /// <param name="epochCompleted">Called after each epoch with (epoch, mean training loss).</param>
    public static AttributeClassifier Train(Tensor images, int[,] labels, IReadOnlyList<int> valueCounts, FeatureClassifierOptions options,
        Action<int, double>? epochCompleted = null)
    {
        MinibatchTraining.Prepare(options);
        using var targets = LabelTensor(images, labels, valueCounts);
        long n = images.shape[0];
        var classifier = new AttributeClassifier(valueCounts);
        var (batch, shifts) = MinibatchTraining.Batches(images, options);
        using (shifts)
            MinibatchTraining.Run(classifier, n, options, index =>
            {
                var logits = classifier.forward(batch(index));
                var y = targets.index_select(0, index);
                return Enumerable.Range(0, valueCounts.Count)
                    .Select(a => functional.cross_entropy(classifier.Head(logits, a), y.select(1, a)))
                    .Aggregate((sum, term) => sum + term);
            }, epochCompleted);
        return classifier;
    }

    /// <summary>The predicted value of every attribute of <paramref name="images"/> [n, 3, 64, 64]: [n, A], in batches, in inference mode.</summary>
    public static int[,] Predict(AttributeClassifier classifier, Tensor images)
    {
        classifier.eval();
        long n = images.shape[0];
        int attributes = classifier.ValueCounts.Count;
        var predictions = new int[n, attributes];
        using var noGrad = no_grad();
        for (long start = 0; start < n; start += FeatureClassifierTrainer.InferenceBatchSize)
        {
            using var scope = NewDisposeScope();
            long m = Math.Min(FeatureClassifierTrainer.InferenceBatchSize, n - start);
            var logits = classifier.forward(images.narrow(0, start, m));
            for (int a = 0; a < attributes; a++)
            {
                var values = classifier.Head(logits, a).argmax(1).data<long>().ToArray();
                for (int i = 0; i < m; i++) predictions[start + i, a] = (int)values[i];
            }
        }
        return predictions;
    }

    /// <summary>Share of images whose every attribute is predicted right (the combination), and the share right per attribute.</summary>
    public static (double Combination, double[] PerAttribute) Accuracy(AttributeClassifier classifier, Tensor images, int[,] labels)
    {
        var predicted = Predict(classifier, images);
        int n = labels.GetLength(0), attributes = labels.GetLength(1);
        var right = new int[attributes];
        int allRight = 0;
        for (int i = 0; i < n; i++)
        {
            bool all = true;
            for (int a = 0; a < attributes; a++)
            {
                if (predicted[i, a] == labels[i, a]) right[a]++;
                else all = false;
            }
            if (all) allRight++;
        }
        return ((double)allRight / n, right.Select(r => (double)r / n).ToArray());
    }

    private static Tensor LabelTensor(Tensor images, int[,] labels, IReadOnlyList<int> valueCounts)
    {
        int n = labels.GetLength(0), attributes = labels.GetLength(1);
        if (n != images.shape[0]) throw new ArgumentException($"{n} label rows for {images.shape[0]} images.", nameof(labels));
        if (attributes != valueCounts.Count) throw new ArgumentException($"{attributes} attributes labelled, {valueCounts.Count} expected.", nameof(labels));
        var flat = new long[n * attributes];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < attributes; a++)
            {
                if (labels[i, a] < 0 || labels[i, a] >= valueCounts[a])
                    throw new ArgumentException($"Attribute {a} of image {i} is {labels[i, a]}, outside 0 … {valueCounts[a] - 1}.", nameof(labels));
                flat[i * attributes + a] = labels[i, a];
            }
        return tensor(flat, new long[] { n, attributes });
    }
}
