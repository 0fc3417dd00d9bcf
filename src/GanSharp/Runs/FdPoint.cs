namespace GanSharp.Runs;

/// <summary>One FD measurement during an image run.</summary>
/// <param name="Iteration">Iterations completed when measured.</param>
/// <param name="Fd">Fréchet distance in the feature classifier's space.</param>
public sealed record FdPoint(int Iteration, double Fd);
