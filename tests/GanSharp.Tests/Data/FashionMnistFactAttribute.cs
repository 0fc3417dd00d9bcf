using GanSharp.Data;

namespace GanSharp.Tests.Data;

/// <summary>A fact that runs only where Fashion-MNIST is installed, and otherwise is reported as skipped with the reason and the fix.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (!FashionMnist.IsInstalled())
            Skip = $"Fashion-MNIST is not installed in {FashionMnist.DefaultDirectory}; `apt-get install dataset-fashion-mnist` (as .ci/run does) runs this test.";
    }
}
