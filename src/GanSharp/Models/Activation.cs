namespace GanSharp.Models;

/// <summary>Hidden-layer nonlinearity of an MLP.</summary>
public enum Activation
{
    /// <summary>max(0, x).</summary>
    ReLU,

    /// <summary>max(0.2x, x).</summary>
    LeakyReLU,

    /// <summary>tanh(x).</summary>
    Tanh,

    /// <summary>x for x &gt; 0, eˣ − 1 otherwise.</summary>
    ELU,
}
