namespace GanSharp.Evaluation;

/// <summary>The metrics of one sample set against the real reference set.</summary>
/// <param name="Name">The set: <c>model</c>, or a calibration row (<c>real</c>, <c>noise</c>, <c>repeated</c>).</param>
/// <param name="SampleCount">Samples scored.</param>
/// <param name="Fd">Fréchet distance of the feature Gaussians (lower is better; the <c>real</c> row is the floor).</param>
/// <param name="Precision">Share of samples inside the real k-NN manifold (fidelity).</param>
/// <param name="Recall">Share of real samples inside the samples' k-NN manifold (diversity).</param>
/// <param name="Density">Real k-NN balls per sample, over k (fidelity; about 1 for real data).</param>
/// <param name="Coverage">Share of real k-NN balls holding a sample (diversity).</param>
/// <param name="ClassifierScore">exp(E KL(p(y|x) ‖ p(y))), in [1, C]; null where the feature network has no meaningful classes.</param>
/// <param name="ClassesCovered">Classes given at least a tenth of their even share; null likewise.</param>
/// <param name="ClassKl">KL(predicted-class histogram ‖ the real one), in nats; null likewise.</param>
/// <param name="Kid">Kernel distance (KID): unbiased MMD² of the features with the cubic polynomial kernel, mean over subsets (about 0 for real data at any N).</param>
/// <param name="KidStd">Standard deviation of <paramref name="Kid"/>'s subset estimates.</param>
/// <param name="Sharpness">Laplacian energy relative to the real reference images (1: as sharp as the data; below 1: blurrier).</param>
public sealed record EvaluationRow(
    string Name,
    int SampleCount,
    double Fd,
    double Precision,
    double Recall,
    double Density,
    double Coverage,
    double? ClassifierScore,
    int? ClassesCovered,
    double? ClassKl,
    double Kid,
    double KidStd,
    double Sharpness);
