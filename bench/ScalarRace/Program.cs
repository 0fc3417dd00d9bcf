// Reproduces a race in TorchSharp 0.107.0 (see docs/known-issues.md): implicit Scalar temporaries are passed to native code
// as bare handles, so a garbage collection started by another thread during the call lets the finalizer free the Scalar
// while libtorch reads it.
//
//   dotnet run -c Release --project bench/ScalarRace -- collector   # a second thread forces a gen-0 collection every millisecond
//   dotnet run -c Release --project bench/ScalarRace                # the same loop on one thread
//
// Exit code 1 and the native message when the race was hit, 0 when every step ran.
using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

bool collector = args.Contains("collector");
int steps = args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 200_000);
torch.set_num_threads(1);
torch.manual_seed(0);
var weight = new TorchSharp.Modules.Parameter(torch.randn(64, 64));
var adam = torch.optim.Adam(new[] { weight }, 1e-3);
if (collector)
{
    // Stands for any other thread that allocates (a progress display, a parallel test): it makes collections happen at moments
    // the training thread does not choose.
    new Thread(() => { while (true) { GC.Collect(0); Thread.Sleep(1); } }) { IsBackground = true }.Start();
}
var clock = Stopwatch.StartNew();
try
{
    for (int i = 1; i <= steps; i++)
    {
        using var scope = NewDisposeScope();
        adam.zero_grad();
        (weight * 2.0).pow(2).sum().backward();   // 2.0 and 2 become Scalars; so do Adam's β-terms inside step()
        adam.step();
        if (i % 20_000 == 0) Console.WriteLine($"{i:N0} steps, {clock.Elapsed.TotalSeconds:F0} s, {GC.CollectionCount(0):N0} gen-0 collections");
    }
}
catch (System.Runtime.InteropServices.ExternalException e)
{
    Console.WriteLine($"Race hit after {clock.Elapsed.TotalSeconds:F1} s and {GC.CollectionCount(0):N0} collections: {e.Message.Split('\n')[0]}");
    return 1;
}
Console.WriteLine($"{steps:N0} steps without error ({GC.CollectionCount(0):N0} gen-0 collections, collector thread: {(collector ? "on" : "off")}).");
return 0;
