namespace GanSharp.Models;

/// <summary>Which pair of networks plays the game.</summary>
public enum ModelKind
{
    /// <summary>Goodfellow et al. (2014): fully connected G and D (<see cref="MlpGenerator"/>, <see cref="MlpDiscriminator"/>), for points and flattened images.</summary>
    Mlp,

    /// <summary>Radford et al. (2016): <see cref="DcganGenerator"/> and <see cref="DcganDiscriminator"/>, for images.</summary>
    Dcgan,

    /// <summary>Baseline: a deterministic auto-encoder of DCGAN size, sampled by decoding a Gaussian fitted to its codes.</summary>
    Ae,

    /// <summary>Baseline: a variational auto-encoder of DCGAN size (Kingma &amp; Welling 2014).</summary>
    Vae,

    /// <summary>Baseline: a Gaussian mixture over pixels with diagonal covariances, fitted by EM.</summary>
    Gmm,
}
