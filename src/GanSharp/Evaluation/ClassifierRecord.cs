namespace GanSharp.Evaluation;

/// <summary>What is known about a cached feature classifier; stored as JSON beside its weights.</summary>
/// <param name="Dataset">The labelled data it was trained on, in words.</param>
/// <param name="Architecture">The network, as <see cref="Models.FeatureClassifier.Architecture"/> spells it.</param>
/// <param name="ClassCount">Number of classes C.</param>
/// <param name="TrainCount">Training images.</param>
/// <param name="TestCount">Held-out images the accuracy was measured on.</param>
/// <param name="TestAccuracy">Fraction of held-out images classified correctly.</param>
/// <param name="Training">The training settings, as <see cref="FeatureClassifierOptions.Describe"/> spells them.</param>
/// <param name="CreatedUtc">When it was trained.</param>
public sealed record ClassifierRecord(
    string Dataset,
    string Architecture,
    int ClassCount,
    int TrainCount,
    int TestCount,
    double TestAccuracy,
    string Training,
    DateTime CreatedUtc);
