using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("GanSharp.Tests")]
[assembly: SuppressMessage("Usage", "CA2255", Justification = "The native environment must be set before TorchSharp loads libtorch.")]
