namespace GanSharp.Data;

/// <summary>What <see cref="ImageFolderLoader"/> loaded and what it skipped.</summary>
/// <param name="Dataset">The readable images.</param>
/// <param name="Skipped">Files that could not be decoded, with the reason.</param>
/// <param name="FromCache">Whether the decoded tensor came from the cache file.</param>
public sealed record ImageFolderResult(ImageDataset Dataset, IReadOnlyList<SkippedImage> Skipped, bool FromCache);
