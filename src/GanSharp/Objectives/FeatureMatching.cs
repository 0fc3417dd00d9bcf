using static TorchSharp.torch;

namespace GanSharp.Objectives;

/// <summary>
/// Feature matching (Salimans et al. 2016, §3.1): G also matches the mean of D's last hidden layer f over data and over its samples,
/// ‖E_x f(x) − E_z f(G(z))‖², so whatever D's features say about a batch as a whole (how often each class is drawn) pulls G back
/// towards the data's average.
/// </summary>
public static class FeatureMatching
{
    /// <summary>
    /// (1/d) · Σ_j (mean_i f_j(x_i) − mean_i f_j(G(z_i)))², the squared distance of the two minibatch means averaged over the d features
    /// (so its value does not grow with D's width; its gradient on each feature shrinks as 1/d).
    /// </summary>
    /// <param name="realFeatures">f(x) [m, d] on data (no gradient is needed through them).</param>
    /// <param name="fakeFeatures">f(G(z)) [n, d] on generated samples.</param>
    /// <remarks>∂/∂f_j(G(z_i)) = −2 (μ_j(x) − μ_j(G(z))) / (n d). The minibatch means make it biased upwards by the variance of the
    /// generated mean, Var f / n, whose gradient asks G for less spread in f; at n = 16 packs it is a sixteenth of that spread.</remarks>
    public static Tensor Loss(Tensor realFeatures, Tensor fakeFeatures)
    {
        if (realFeatures.dim() != 2 || fakeFeatures.dim() != 2 || realFeatures.shape[1] != fakeFeatures.shape[1])
            throw new ArgumentException($"Feature matching compares [m, d] with [n, d], got [{string.Join(", ", realFeatures.shape)}] and [{string.Join(", ", fakeFeatures.shape)}].");
        return (realFeatures.mean(new long[] { 0 }) - fakeFeatures.mean(new long[] { 0 })).square().mean();
    }
}
