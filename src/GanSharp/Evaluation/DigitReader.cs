using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>
/// What names the digit of a 28×28 grayscale image where Stacked MNIST counts modes: one MNIST classifier, or an ensemble of K
/// classifiers trained alike from seeds s, s + 1, …, s + K − 1 whose probabilities are averaged,
/// p̄(d | x) = (1/K) Σ_k softmax(ℓ_k(x))_d. Classifiers of different seeds disagree on digits a generator draws unclearly, each
/// leaning to its own digits; the average reads what they share rather than one classifier's leaning (docs/baselines.md).
/// </summary>
public sealed class DigitReader : IDisposable
{
    private readonly bool _ownsMembers;

    /// <summary>The most classifiers a reader averages.</summary>
    public const int MaxSize = 20;

    /// <param name="members">The classifiers (at least one, all with the same classes).</param>
    /// <param name="record">What the reader is, with its held-out accuracy (for one member, that member's record).</param>
    /// <param name="ownsMembers">Whether <see cref="Dispose"/> disposes the members.</param>
    public DigitReader(IReadOnlyList<TrainedClassifier> members, ClassifierRecord record, bool ownsMembers = true)
    {
        if (members.Count == 0) throw new ArgumentException("A digit reader needs at least one classifier.", nameof(members));
        if (members.Any(m => m.Classifier.ClassCount != members[0].Classifier.ClassCount))
            throw new ArgumentException("The classifiers of a digit reader must have the same classes.", nameof(members));
        Members = members;
        Record = record;
        _ownsMembers = ownsMembers;
    }

    /// <summary>A reader of one classifier, which the caller keeps and disposes.</summary>
    public static DigitReader Of(TrainedClassifier classifier) => new(new[] { classifier }, classifier.Record, ownsMembers: false);

    /// <summary>The classifiers whose probabilities are averaged.</summary>
    public IReadOnlyList<TrainedClassifier> Members { get; }

    /// <summary>What the reader is: for an ensemble, its members' recipe and the accuracy of the averaged probabilities.</summary>
    public ClassifierRecord Record { get; }

    /// <summary>Number of classes C.</summary>
    public int ClassCount => Members[0].Classifier.ClassCount;

    /// <summary>
    /// Logits [n, C] of <paramref name="images"/> [n, 1, 28, 28], in inference mode: one member's own logits; for several,
    /// log p̄, whose softmax is the averaged probabilities and whose argmax is the ensemble's class.
    /// </summary>
    public Tensor Logits(Tensor images)
    {
        using var scope = NewDisposeScope();
        if (Members.Count == 1) return MemberLogits(Members[0], images).MoveToOuterDisposeScope();
        var probabilities = Members.Select(m => MemberLogits(m, images).to_type(float64).softmax(1));   // K × [n, C]
        return stack(probabilities).mean(new long[] { 0 }).log().to_type(float32).MoveToOuterDisposeScope();   // log p̄ [n, C]
    }

    private static Tensor MemberLogits(TrainedClassifier member, Tensor images)
    {
        var (features, logits) = FeatureClassifierTrainer.Embed(member.Classifier, images);
        features.Dispose();
        return logits;
    }

    /// <summary>Fraction of <paramref name="images"/> whose argmax class is their label.</summary>
    public double Accuracy(Tensor images, IReadOnlyList<int> labels)
    {
        if (labels.Count != images.shape[0]) throw new ArgumentException($"{images.shape[0]} images but {labels.Count} labels.", nameof(labels));
        using var scope = NewDisposeScope();
        var correct = Logits(images).argmax(1).eq(tensor(labels.Select(l => (long)l).ToArray()));
        return correct.to_type(float64).mean().item<double>();
    }

    /// <summary>
    /// The reader of <paramref name="size"/> classifiers, member k found or trained by <paramref name="member"/> with
    /// <paramref name="options"/> and seed options.Seed + k; for several, its record states the seeds and the accuracy of the averaged
    /// probabilities on the held-out split of <paramref name="data"/>.
    /// </summary>
    public static DigitReader Build(EvaluationData data, FeatureClassifierOptions options, int size, Func<FeatureClassifierOptions, TrainedClassifier> member)
    {
        if (size is < 1 or > MaxSize) throw new ArgumentOutOfRangeException(nameof(size), size, $"A digit reader averages 1 … {MaxSize} classifiers.");
        if (!data.HasLabels) throw new ArgumentException(FeatureClassifiers.UnlabelledMessage(data.Name), nameof(data));
        var members = new List<TrainedClassifier>();
        try
        {
            for (int k = 0; k < size; k++) members.Add(member(options with { Seed = options.Seed + k }));
            if (size == 1) return new DigitReader(members, members[0].Record);
            var first = members[0].Record;
            double accuracy;
            using (var provisional = new DigitReader(members, first, ownsMembers: false))
                accuracy = provisional.Accuracy(data.Test.Images, data.Test.Labels!);
            var record = first with
            {
                Architecture = $"{size} × ({first.Architecture}), probabilities averaged",
                TestAccuracy = accuracy,
                Training = $"{first.Training}; ensemble of seeds {options.Seed}…{options.Seed + size - 1}",
            };
            return new DigitReader(members, record);
        }
        catch
        {
            foreach (var m in members) m.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_ownsMembers) return;
        foreach (var member in Members) member.Dispose();
    }
}
