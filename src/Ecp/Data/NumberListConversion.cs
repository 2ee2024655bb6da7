using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Data;

/// <summary>A list of numbers (a synthesis's or a compilation's citations) stored as one
/// comma-separated column: read whole, never queried by element.</summary>
internal static class NumberListConversion
{
    public static PropertyBuilder<IReadOnlyList<int>> AsNumberList(this PropertyBuilder<IReadOnlyList<int>> property)
        => property.HasConversion(
            n => string.Join(',', n),
            s => s.Length == 0 ? new List<int>() : s.Split(',', StringSplitOptions.None).Select(int.Parse).ToList(),
            new ValueComparer<IReadOnlyList<int>>((x, y) => x!.SequenceEqual(y!), x => x.Count, x => x.ToList()));
}
