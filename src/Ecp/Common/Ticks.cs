namespace Ecp.Common;

/// <summary>The loop of every background pass (notifications, the outbox, the record's tree, the
/// search index): one pass per tick; a pass that fails is logged and retried on the next tick (the
/// database may be migrating, or restarting); stopping the host ends it quietly.</summary>
public static class Ticks
{
    public static async Task EveryAsync(TimeSpan period, TimeProvider clock, Func<CancellationToken, Task> pass, ILogger log, string what, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await pass(ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    log.LogWarning(e, "A {Pass} pass failed; the next tick retries it.", what);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
