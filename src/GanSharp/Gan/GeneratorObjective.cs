namespace GanSharp.Gan;

/// <summary>What the generator minimises.</summary>
public enum GeneratorObjective
{
    /// <summary>MMGAN: minimise E_z[log(1 − D(G(z)))], the game's own objective. Saturates while D rejects G(z).</summary>
    Minimax,

    /// <summary>NSGAN: minimise −E_z[log D(G(z))]. Same fixed point, strong gradients early (Goodfellow et al. 2014, §3).</summary>
    NonSaturating,
}
