namespace GanSharp.Gan;

/// <summary>Which gradient method updates a player.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma &amp; Ba 2015) with betas (β₁, β₂).</summary>
    Adam,

    /// <summary>Stochastic gradient descent with momentum, as in Goodfellow et al. (2014).</summary>
    Sgd,

    /// <summary>RMSprop (Tieleman &amp; Hinton 2012; smoothing 0.99), as Arjovsky et al. (2017) train the WGAN critic: no momentum, which they found unstable with clipping.</summary>
    RmsProp,
}
