using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>Finds an issue by its code, following merges: an old code leads to the issue it was
/// merged into (and on, if that one was merged too), so every old link and id still works.</summary>
public static class IssueResolver
{
    /// <summary>More merges in a chain than this is a loop, which the rules never make.</summary>
    private const int MaxHops = 32;

    /// <summary>The issue named by <paramref name="code"/> as it is now: itself, or its last successor.</summary>
    public static async Task<Issue?> ResolveAsync(this IQueryable<Issue> issues, string code, CancellationToken ct)
    {
        var issue = await issues.FirstOrDefaultAsync(i => i.Code == code, ct);
        for (var hops = 0; issue is { State: IssueState.Merged, SuccessorCode: { } next } && hops < MaxHops; hops++)
        {
            issue = await issues.FirstOrDefaultAsync(i => i.Code == next, ct);
        }
        return issue;
    }
}
