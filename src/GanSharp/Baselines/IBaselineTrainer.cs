using GanSharp.Data;
using GanSharp.Gan;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Baselines;

/// <summary>
/// A trainer of one of the models GANs are measured against. Its <see cref="Sampler"/> maps z ~ N(0, I) of the run's latent dimension to
/// images, like a GAN's G, so a checkpoint stores it as the generator and <c>gansharp sample</c>, <c>eval --checkpoint</c> and
/// <c>export</c> use it unchanged; everything else the trainer needs to continue exactly is its <see cref="SaveState"/>.
/// </summary>
public interface IBaselineTrainer : IGenerativeTrainer
{
    /// <summary>z [m, LatentDim] ↦ x [m, C, S, S] in [−1, 1]: what the model samples with (stored as the checkpoint's generator).</summary>
    Module<Tensor, Tensor> Sampler { get; }

    /// <summary>The real-data source (its position is checkpointed).</summary>
    IBatchSource Data { get; }

    /// <summary>The random stream of the training noise (checkpointed).</summary>
    RandomStream NoiseStream { get; }

    /// <summary>Iterations completed; set by a restore.</summary>
    new int Iteration { get; set; }

    /// <summary>Writes the trainer's state besides the sampler (encoder, optimiser) for a checkpoint.</summary>
    void SaveState(BinaryWriter writer);

    /// <summary>Restores a state from <see cref="SaveState"/>.</summary>
    void LoadState(BinaryReader reader);
}
