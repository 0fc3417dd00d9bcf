namespace GanSharp.Data;

/// <summary>An unsigned-byte array in the IDX format of LeCun's MNIST files: its dimensions (outermost first) and its bytes in row-major order.</summary>
/// <param name="Dimensions">Sizes of the dimensions, e.g. [60000, 28, 28] for images or [60000] for labels.</param>
/// <param name="Data">Product(Dimensions) bytes.</param>
public sealed record IdxArray(int[] Dimensions, byte[] Data)
{
    /// <summary>Number of elements the dimensions describe.</summary>
    public long ElementCount => Dimensions.Aggregate(1L, (a, b) => a * b);
}
