namespace GanSharp.Bench;

/// <summary>One row of the benchmark table: a unit of work timed once per iteration.</summary>
internal interface IBenchRow : IDisposable
{
    /// <summary>Does one iteration of the row's work and returns when its results are on the host.</summary>
    void Step();

    /// <summary>Floating-point operations of one iteration, counted from the layer shapes (0 where not counted).</summary>
    double FlopsPerIteration { get; }

    /// <summary>The thread policy's measure of the row's work: <see cref="GanSharp.Runtime.ThreadPolicy.ForwardFlopsLowerBound(long, long)"/> of its largest model at its batch.</summary>
    double ForwardFlops { get; }
}
