namespace GanSharp.Models;

/// <summary>Shape of a multilayer perceptron: <paramref name="HiddenLayers"/> layers of <paramref name="Width"/> units.</summary>
public sealed record MlpOptions(int HiddenLayers = 3, int Width = 128, Activation Activation = Activation.ReLU)
{
    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IEnumerable<string> Validate(string who)
    {
        if (HiddenLayers < 1 || HiddenLayers > 32) yield return $"{who}: hidden layers must be between 1 and 32 (got {HiddenLayers}).";
        if (Width < 1 || Width > 65536) yield return $"{who}: width must be between 1 and 65536 (got {Width}).";
    }
}
