namespace GanSharp.Models;

/// <summary>Which pair of networks plays the game.</summary>
public enum ModelKind
{
    /// <summary>Goodfellow et al. (2014): fully connected G and D (<see cref="MlpGenerator"/>, <see cref="MlpDiscriminator"/>), for points and flattened images.</summary>
    Mlp,

    /// <summary>Radford et al. (2016): <see cref="DcganGenerator"/> and <see cref="DcganDiscriminator"/>, for images.</summary>
    Dcgan,
}
