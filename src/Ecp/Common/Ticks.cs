namespace Ecp.Common;

/// <summary>The loop of every background pass (notifications, the outbox, the record's tree, the
/// search index): one pass per tick; a pass that fails is logged and retried on the next tick (the
/// database may be migrating, or restarting); stopping the host ends it quietly.
/// Each wait starts when the pass ends (a one-shot delay, not a periodic timer): a clock that jumps
/// ahead (a suspended machine, or a test's fake clock moved by days) wakes the loop once, rather than
/// once for every period it skipped, and a slow pass is never followed by a burst of catching up.</summary>
public static class Ticks
{
    public static async Task EveryAsync(TimeSpan period, TimeProvider clock, Func<CancellationToken, Task> pass, ILogger log, string what, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(period, clock, ct);
                try
                {
                    await pass(ct);
                }
                catch (ObjectDisposedException e)
                {
                    // The host is going away (a failed start disposes the services before it
                    // cancels the loops): there is nothing left to retry with. Said in one line,
                    // so that a loop ended by a bug is not silent either.
                    log.LogWarning("The {Pass} loop ends: {Reason}", what, e.Message.ReplaceLineEndings(" "));
                    return;
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
