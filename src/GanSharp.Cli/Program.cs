using System.CommandLine;
using GanSharp.Cli.Commands;

// Before anything touches TorchSharp: OpenMP reads its wait policy when libtorch loads.
GanSharp.Runtime.NativeEnvironment.Configure();

var root = new RootCommand("GanSharp: train Generative Adversarial Networks and measure what they learn.");
foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
return root.Parse(args).Invoke();
