using static TorchSharp.torch;

namespace GanSharp.Models;

/// <summary>A discriminator that can give, with its logits, the last hidden layer they are computed from (for feature matching).</summary>
public interface IHiddenFeatures
{
    /// <summary>x ↦ (logits [m], the last hidden layer's activations [m, d], flattened), in one forward pass.</summary>
    (Tensor Logits, Tensor Hidden) ForwardWithHidden(Tensor x);
}
