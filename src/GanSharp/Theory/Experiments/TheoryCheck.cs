namespace GanSharp.Theory.Experiments;

/// <summary>How a measured number is compared with the expected one.</summary>
public enum CheckKind
{
    /// <summary>|measured − expected| ≤ tolerance.</summary>
    Near,

    /// <summary>measured ≤ expected + tolerance.</summary>
    AtMost,

    /// <summary>measured ≥ expected − tolerance.</summary>
    AtLeast,
}

/// <summary>One number an experiment checks against the theory.</summary>
/// <param name="Name">snake_case key in theory.json.</param>
/// <param name="Description">What the number is, for the report.</param>
/// <param name="Measured">The measured value.</param>
/// <param name="Expected">What the theory says.</param>
/// <param name="Tolerance">Allowed deviation (see <paramref name="Kind"/>).</param>
/// <param name="Kind">How the two are compared.</param>
public sealed record TheoryCheck(string Name, string Description, double Measured, double Expected, double Tolerance, CheckKind Kind = CheckKind.Near)
{
    /// <summary>Whether the measurement agrees with the theory.</summary>
    public bool Holds => Kind switch
    {
        CheckKind.Near => Math.Abs(Measured - Expected) <= Tolerance,
        CheckKind.AtMost => Measured <= Expected + Tolerance,
        CheckKind.AtLeast => Measured >= Expected - Tolerance,
        _ => false,
    };

    /// <summary>The comparison in words, e.g. "≤ 0.693 + 0.01".</summary>
    public string Relation => Kind switch
    {
        CheckKind.Near => $"= {Expected:G4} ± {Tolerance:G3}",
        CheckKind.AtMost => $"≤ {Expected:G4} + {Tolerance:G3}",
        _ => $"≥ {Expected:G4} − {Tolerance:G3}",
    };
}
