using TorchSharp;
using TorchSharp.Modules;

namespace GanSharp.Gan;

/// <summary>Optimiser settings for one player.</summary>
public sealed record OptimizerOptions(
    OptimizerKind Kind = OptimizerKind.Adam,
    double LearningRate = 1e-4,
    double Beta1 = 0.5,
    double Beta2 = 0.999,
    double Momentum = 0.9)
{
    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IEnumerable<string> Validate(string who)
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) yield return $"{who}: learning rate must be a positive number (got {LearningRate}).";
        if (!(Beta1 >= 0 && Beta1 < 1)) yield return $"{who}: beta1 must be in [0, 1) (got {Beta1}).";
        if (!(Beta2 >= 0 && Beta2 < 1)) yield return $"{who}: beta2 must be in [0, 1) (got {Beta2}).";
        if (!(Momentum >= 0 && Momentum < 1)) yield return $"{who}: momentum must be in [0, 1) (got {Momentum}).";
    }

    /// <summary>Creates the optimiser over <paramref name="parameters"/>.</summary>
    public torch.optim.Optimizer Create(IEnumerable<Parameter> parameters) => Kind switch
    {
        OptimizerKind.Adam => torch.optim.Adam(parameters, LearningRate, Beta1, Beta2),
        OptimizerKind.Sgd => torch.optim.SGD(parameters, LearningRate, Momentum),
        OptimizerKind.RmsProp => torch.optim.RMSProp(parameters, LearningRate),
        _ => throw new InvalidOperationException($"Unknown optimiser {Kind}."),
    };
}
