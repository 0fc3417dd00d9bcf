namespace GanSharp.Lab;

/// <summary>A command as the page sent it (JSON bytes), and, for commands that return a file, where the training thread puts it.</summary>
/// <param name="Body">The command's JSON, unparsed.</param>
/// <param name="Reply">Completed by the training thread with the bytes asked for (null: nothing to send); null for commands that return nothing.</param>
public sealed record LabRequest(byte[] Body, TaskCompletionSource<byte[]?>? Reply = null);
