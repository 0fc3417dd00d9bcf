namespace GanSharp.Models;

/// <summary>Which pair of networks plays the image game.</summary>
public enum ImageModelKind
{
    /// <summary>Radford et al. (2016): <see cref="DcganGenerator"/> and <see cref="DcganDiscriminator"/>.</summary>
    Dcgan,

    /// <summary>Goodfellow et al. (2014): fully connected G (tanh output) and D on flattened pixels.</summary>
    Mlp,
}
