using System.Diagnostics;

namespace Ecp.Bench;

/// <summary>Every duration kept in a preallocated array and sorted at the end: exact
/// percentiles with no histogram library, and no allocation on the measured path.</summary>
internal sealed class Latencies(int capacity)
{
    private readonly long[] ticks = new long[capacity];
    private int count;
    private long dropped;

    public void Add(long elapsedTicks)
    {
        var i = Interlocked.Increment(ref count) - 1;
        if (i < ticks.Length) ticks[i] = elapsedTicks;
        else Interlocked.Increment(ref dropped);
    }

    /// <summary>The durations kept, in milliseconds, sorted.</summary>
    public double[] Sorted()
    {
        var n = Math.Min(count, ticks.Length);
        return ticks[..n].Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
    }

    public Summary Summarize()
    {
        var n = Math.Min(count, ticks.Length);
        var sorted = ticks;
        Array.Sort(sorted, 0, n);
        double Ms(long t) => t * 1000.0 / Stopwatch.Frequency;
        double At(double q) => n == 0 ? 0 : Ms(sorted[Math.Min(n - 1, (int)Math.Ceiling(q * n) - 1)]);
        return new Summary(n, At(0.50), At(0.90), At(0.99), At(0.999), n == 0 ? 0 : Ms(sorted[n - 1]), Interlocked.Read(ref dropped));
    }

    public sealed record Summary(int Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs, long Dropped);
}
