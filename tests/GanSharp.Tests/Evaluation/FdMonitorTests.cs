using GanSharp.Evaluation;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

[Collection(BarClassifierCollection.Name)]
public class FdMonitorTests
{
    private readonly BarClassifierFixture _bars;

    public FdMonitorTests(BarClassifierFixture bars) => _bars = bars;

    [Fact]
    public void The_monitor_keeps_the_lowest_fd_and_its_iteration()
    {
        var classifier = new TrainedClassifier(_bars.Classifier, new ClassifierRecord("bars", "", 3, 300, 0, 1, "", DateTime.UnixEpoch), "key", false);
        using var monitor = new FdMonitor(classifier, _bars.Reference, sampleCount: 150, seed: 2);
        Tensor Noise(long m, RandomStream g) => randn(new[] { m, 1L, 28, 28 }, generator: g).clamp(-1, 1);
        long offset = 0;
        Tensor Real(long m, RandomStream g)
        {
            var batch = _bars.HeldOut.narrow(0, offset, m);
            offset = (offset + m) % 150;
            return batch;
        }

        var (noiseFd, firstIsBest) = monitor.Measure(100, Noise);
        var (realFd, realIsBest) = monitor.Measure(200, Real);
        var (noiseAgain, laterIsBest) = monitor.Measure(300, Noise);

        Assert.True(firstIsBest);
        Assert.True(realIsBest);
        Assert.False(laterIsBest);
        Assert.True(realFd < noiseFd);
        Assert.Equal(noiseFd, noiseAgain, 9);                                  // the same noise each time
        Assert.Equal(realFd, monitor.BestFd);
        Assert.Equal(200, monitor.BestIteration);
    }
}
