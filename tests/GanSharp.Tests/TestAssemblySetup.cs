using System.Runtime.CompilerServices;

namespace GanSharp.Tests;

internal static class TestAssemblySetup
{
    /// <summary>Sets the native environment before any test touches TorchSharp.</summary>
    [ModuleInitializer]
    internal static void Init() => GanSharp.Runtime.NativeEnvironment.Configure();
}
