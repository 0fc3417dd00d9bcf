using System.Runtime.InteropServices;
using GanSharp.Cli.Commands;

namespace GanSharp.Tests.Cli;

// The tests throw what libtorch and the runtime throw (reserved types), to see how the guard shows them.
#pragma warning disable CA2201

public sealed class CommandErrorsTests
{
    private static (int ExitCode, string Output) Guard(Exception thrown)
    {
        var writer = new StringWriter();
        int code = CommandErrors.Guard(TestConsole.Create(writer), () => throw thrown);
        return (code, writer.ToString());
    }

    [Fact]
    public void A_native_allocation_failure_is_one_line_saying_out_of_memory_without_the_native_stack()
    {
        var native = new ExternalException(
            "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate 313600000000 bytes.\n" +
            "Exception raised from alloc_cpu at /pytorch/c10/core/impl/alloc_cpu.cpp:117 (most recent call first):\n" +
            "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x96 (0x7f in libc10.so)\n" +
            "frame #1: c10::alloc_cpu(unsigned long) + 0x3f1 (0x7f in libc10.so)\n");

        var (code, output) = Guard(native);

        Assert.Equal(1, code);
        Assert.Contains("out of memory", output);
        Assert.Contains("you tried to allocate 313600000000 bytes", output);
        Assert.DoesNotContain("frame #", output);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_managed_out_of_memory_is_a_message()
    {
        var (code, output) = Guard(new OutOfMemoryException("Array dimensions exceeded supported range."));
        Assert.Equal(1, code);
        Assert.Contains("out of memory (Array dimensions exceeded supported range.)", output);
    }

    [Fact]
    public void Bytes_of_a_corrupt_file_in_a_message_are_not_printed()
    {
        var binary = "Unexpected key 'weight\u0001\u0002\u0000\u00ff\uFFFD\u0007\u001b[31m' in " + new string('\u0003', 5000);

        var (code, output) = Guard(new InvalidDataException(binary));

        Assert.Equal(1, code);
        Assert.False(output.Any(c => char.IsControl(c) && c is not ('\n' or '\r') || c == '\uFFFD'), output);
        Assert.True(output.Length < ErrorText.MaxLength + 50, $"{output.Length} characters");
        Assert.Contains("Unexpected key 'weight?", output);
    }

    [Fact]
    public void An_unexpected_exception_is_one_line_with_its_type_and_exit_code_70()
    {
        var (code, output) = Guard(new NullReferenceException("Object reference not set to an instance of an object."));
        Assert.Equal(CommandErrors.InternalErrorExitCode, code);
        Assert.Contains("unexpected NullReferenceException", output);
        Assert.DoesNotContain("   at ", output);
    }
}
