using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>DCGAN initialisation (Radford et al. 2016, §4): convolution weights ~ N(0, 0.02²); batch-norm scale ~ N(1, 0.02²), shift 0.</summary>
public static class DcganInit
{
    /// <summary>Initialises every convolution and batch norm of <paramref name="module"/>, drawing from the global generator (seed it first).</summary>
    public static void Apply(Module module)
    {
        using var _ = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Conv2d conv:
                    init.normal_(conv.weight, 0.0, 0.02);
                    break;
                case FullFrameConvolution full:
                    init.normal_(full.Weight, 0.0, 0.02);
                    break;
                case FullFrameTransposedConvolution fullT:
                    init.normal_(fullT.Weight, 0.0, 0.02);
                    break;
                case ConvTranspose2d convT:
                    init.normal_(convT.weight, 0.0, 0.02);
                    break;
                case BatchNorm2d bn:
                    init.normal_(bn.weight, 1.0, 0.02);
                    init.zeros_(bn.bias);
                    break;
            }
        }
    }
}
