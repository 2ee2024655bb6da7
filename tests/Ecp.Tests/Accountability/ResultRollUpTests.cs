using Ecp.Features.Accountability;
using static Ecp.Features.Accountability.ResultRollUp;

namespace Ecp.Tests.Accountability;

/// <summary>The roll-up rule on a hand-computed tree of three levels.</summary>
public sealed class ResultRollUpTests
{
    [Fact]
    public void RollUp_ThreeLevels_MeanOfChildrenCompletedCounts100DiscontinuedLeftOut()
    {
        // root
        // ├─ a (parent):  a1 50 in progress, a2 completed (stated 60, counts 100), a3 discontinued (30, left out) → (50 + 100) / 2 = 75
        // ├─ b (leaf):    20 delayed → 20
        // └─ c (parent):  c1 not started, no progress (counts 0), c2 40 in progress → (0 + 40) / 2 = 20
        // root = (75 + 20 + 20) / 3 = 38.33… → shown 38
        Guid root = Guid.NewGuid(), a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        Node[] nodes =
        [
            new(root, null, ResultStatus.InProgress, null),
            new(a, root, ResultStatus.InProgress, null),
            new(Guid.NewGuid(), a, ResultStatus.InProgress, 50),
            new(Guid.NewGuid(), a, ResultStatus.Completed, 60),
            new(Guid.NewGuid(), a, ResultStatus.Discontinued, 30),
            new(b, root, ResultStatus.Delayed, 20),
            new(c, root, ResultStatus.InProgress, null),
            new(Guid.NewGuid(), c, ResultStatus.NotStarted, null),
            new(Guid.NewGuid(), c, ResultStatus.InProgress, 40),
        ];

        var progress = Compute(nodes);

        Assert.Equal(75, progress[a]);
        Assert.Equal(20, progress[b]);
        Assert.Equal(20, progress[c]);
        Assert.Equal(115.0 / 3, progress[root]!.Value, 6);
        Assert.Equal(38, Round(progress[root]));
    }

    [Fact]
    public void RollUp_CompletedLeafWithoutProgress_Counts100_AllChildrenDiscontinued_NoProgress()
    {
        Guid parent = Guid.NewGuid(), leaf = Guid.NewGuid(), other = Guid.NewGuid();
        var progress = Compute([
            new(parent, null, ResultStatus.Discontinued, null),
            new(Guid.NewGuid(), parent, ResultStatus.Discontinued, 80),
            new(other, null, ResultStatus.InProgress, null),
            new(leaf, other, ResultStatus.Completed, null),
        ]);

        Assert.Null(progress[parent]);
        Assert.Equal(100, progress[leaf]);
        Assert.Equal(100, progress[other]);
    }
}
