namespace GanSharp.Data;

/// <summary>A file of an image folder that could not be used, and why.</summary>
public sealed record SkippedImage(string Path, string Reason);
