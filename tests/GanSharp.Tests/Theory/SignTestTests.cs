using GanSharp.Theory;

namespace GanSharp.Tests.Theory;

public class SignTestTests
{
    [Fact]
    public void Nine_wins_in_ten_pairs_have_a_one_sided_p_of_eleven_over_1024()
    {
        var a = Enumerable.Range(0, 10).Select(i => i == 0 ? 0.0 : 1.0).ToArray();
        var b = Enumerable.Repeat(0.5, 10).ToArray();
        // P(X ≥ 9), X ~ Bin(10, ½) = (C(10,9) + C(10,10)) / 2¹⁰ = 11/1024.
        Assert.Equal(11.0 / 1024, SignTest.GreaterPValue(a, b), 12);
    }

    [Fact]
    public void Ties_are_dropped_and_no_difference_at_all_gives_p_one()
    {
        // Two ties, three wins, one loss: P(X ≥ 3), X ~ Bin(4, ½) = 5/16.
        Assert.Equal(5.0 / 16, SignTest.GreaterPValue(new[] { 1.0, 1, 2, 2, 2, 0 }, new[] { 1.0, 1, 1, 1, 1, 1 }), 12);
        Assert.Equal(1.0, SignTest.GreaterPValue(new[] { 3.0, 4 }, new[] { 3.0, 4 }));
    }
}
