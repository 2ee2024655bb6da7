using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Notifications;

/// <summary>
/// Takes or renews a named lease in the database: one conditional UPDATE, atomic on both
/// databases, so of several app nodes exactly one holds it until it expires or is renewed.
/// </summary>
public static class DatabaseLease
{
    /// <summary>This process's name as a holder; unique per instance so two hosts in one process
    /// (the tests' app nodes) are two holders.</summary>
    public static string NewHolderName() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public static async Task<bool> TryAcquireAsync(AppDbContext db, string name, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + duration;
        var taken = await db.Set<Lease>()
            .Where(l => l.Name == name && (l.ExpiresAt < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        return taken == 1;
    }
}
