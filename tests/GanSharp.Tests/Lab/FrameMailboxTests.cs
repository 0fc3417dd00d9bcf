using GanSharp.Lab;

namespace GanSharp.Tests.Lab;

public sealed class FrameMailboxTests
{
    [Fact]
    public async Task A_slow_reader_gets_the_latest_frame_and_the_ones_between_are_dropped()
    {
        var mailbox = new FrameMailbox();
        mailbox.Post(new byte[] { 1 });
        mailbox.Post(new byte[] { 2 });
        mailbox.Post(new byte[] { 3 });
        var (frame, version) = await mailbox.NextAsync(0, CancellationToken.None);
        Assert.Equal(new byte[] { 3 }, frame);
        Assert.Equal(3, version);
    }

    [Fact]
    public async Task A_waiting_reader_is_woken_by_the_next_frame_and_asks_for_frames_only_while_it_waits()
    {
        var mailbox = new FrameMailbox();
        mailbox.Post(new byte[] { 1 });
        Assert.False(mailbox.FrameWanted);
        var next = mailbox.NextAsync(1, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!mailbox.FrameWanted && DateTime.UtcNow < deadline) await Task.Delay(5);
        Assert.True(mailbox.FrameWanted);
        Assert.False(next.IsCompleted);
        mailbox.Post(new byte[] { 2 });
        var (frame, version) = await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new byte[] { 2 }, frame);
        Assert.Equal(2, version);
        Assert.False(mailbox.FrameWanted);
    }

    [Fact]
    public void A_page_that_connects_asks_for_a_frame_until_one_is_posted()
    {
        var mailbox = new FrameMailbox();
        mailbox.RequestFrame();
        Assert.True(mailbox.FrameRequested);
        mailbox.Post(new byte[] { 1 });
        Assert.False(mailbox.FrameRequested);
    }
}
