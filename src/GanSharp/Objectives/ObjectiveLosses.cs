using static TorchSharp.torch;

namespace GanSharp.Objectives;

/// <summary>The two players' losses of each <see cref="GanObjective"/>, as functions of D's raw outputs v on data and on G(z).</summary>
public static class ObjectiveLosses
{
    /// <summary>D's loss for <paramref name="objective"/> (without the penalties, which need D's input: see <see cref="GradientPenalties"/>).</summary>
    public static Tensor DiscriminatorLoss(GanObjective objective, Tensor realOutputs, Tensor fakeOutputs) => objective switch
    {
        GanObjective.Minimax or GanObjective.NonSaturating => GanLosses.DiscriminatorLoss(realOutputs, fakeOutputs),
        GanObjective.Wgan or GanObjective.WganGp => WassersteinLosses.CriticLoss(realOutputs, fakeOutputs),
        GanObjective.LeastSquares => LeastSquaresLosses.DiscriminatorLoss(realOutputs, fakeOutputs),
        GanObjective.Hinge => HingeLosses.DiscriminatorLoss(realOutputs, fakeOutputs),
        _ => FGanLosses.DiscriminatorLoss(objective, realOutputs, fakeOutputs),
    };

    /// <summary>G's loss for <paramref name="objective"/>.</summary>
    public static Tensor GeneratorLoss(GanObjective objective, Tensor fakeOutputs) => objective switch
    {
        GanObjective.Minimax => GanLosses.MinimaxGeneratorLoss(fakeOutputs),
        GanObjective.NonSaturating => GanLosses.NonSaturatingGeneratorLoss(fakeOutputs),
        GanObjective.Wgan or GanObjective.WganGp => WassersteinLosses.GeneratorLoss(fakeOutputs),
        GanObjective.LeastSquares => LeastSquaresLosses.GeneratorLoss(fakeOutputs),
        GanObjective.Hinge => HingeLosses.GeneratorLoss(fakeOutputs),
        _ => FGanLosses.GeneratorLoss(objective, fakeOutputs),
    };
}
