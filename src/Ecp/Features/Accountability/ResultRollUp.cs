namespace Ecp.Features.Accountability;

/// <summary>
/// The roll-up rule, the one sentence the pages and the docs state: a result with children shows
/// the mean of its children's progress, each child counted equally; a completed child counts 100,
/// a discontinued child is left out, and a child with no stated progress counts 0. A leaf shows its
/// own progress (100 once completed). A parent whose children are all discontinued has none.
/// </summary>
public static class ResultRollUp
{
    /// <summary>One result as the rule sees it.</summary>
    public sealed record Node(Guid Id, Guid? ParentId, ResultStatus Status, int? Progress);

    /// <summary>The progress of every result of a tree, by id, unrounded (pages round to whole percent).</summary>
    public static IReadOnlyDictionary<Guid, double?> Compute(IReadOnlyCollection<Node> nodes)
    {
        var children = nodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var progress = new Dictionary<Guid, double?>();

        double? Of(Node node)
        {
            if (progress.TryGetValue(node.Id, out var known)) return known;
            double? value;
            var kids = children[node.Id].ToList();
            if (kids.Count == 0) value = node.Status == ResultStatus.Completed ? 100 : node.Progress ?? 0;
            else
            {
                var counted = kids.Where(k => k.Status != ResultStatus.Discontinued)
                    .Select(k => k.Status == ResultStatus.Completed ? 100 : Of(k) ?? 0).ToList();
                value = counted.Count == 0 ? null : counted.Average();
            }
            foreach (var kid in kids) Of(kid);
            progress[node.Id] = value;
            return value;
        }

        foreach (var node in nodes) Of(node);
        return progress;
    }

    /// <summary>Whole percent, as shown.</summary>
    public static int? Round(double? progress) => progress is { } p ? (int)Math.Round(p, MidpointRounding.AwayFromZero) : null;
}
