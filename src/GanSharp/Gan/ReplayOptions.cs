namespace GanSharp.Gan;

/// <summary>
/// Experience replay for D: each discriminator step replaces a fraction of the fresh G(z) with samples that G
/// generated in earlier iterations, so D keeps rejecting regions G has left (Shrivastava et al. 2017, §2.3).
/// </summary>
/// <param name="Capacity">Past samples kept (oldest overwritten first).</param>
/// <param name="Fraction">Fraction of each generated minibatch taken from the buffer, in (0, 1).</param>
public sealed record ReplayOptions(int Capacity = 10_000, double Fraction = 0.5)
{
    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (Capacity < 1) yield return $"replay capacity must be at least 1 (got {Capacity}).";
        if (!(Fraction > 0 && Fraction < 1)) yield return $"replay fraction must be in (0, 1) (got {Fraction}).";
    }
}
