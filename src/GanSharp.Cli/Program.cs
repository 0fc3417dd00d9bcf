using GanSharp.Cli.Commands;

// Before anything touches TorchSharp: OpenMP reads its wait policy when libtorch loads.
GanSharp.Runtime.NativeEnvironment.Configure();

return CommandCatalog.Root().Parse(args).Invoke();
