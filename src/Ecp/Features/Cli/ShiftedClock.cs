namespace Ecp.Features.Cli;

/// <summary>
/// The clock the demo loaders hand to use cases that must act in the past (a questionnaire
/// answered last month, a report submitted in 2008): the use case reads its time from it, while
/// the public record keeps its own clock and still says when each entry was written.
/// </summary>
internal sealed class ShiftedClock(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

    /// <summary>A clock that reads <paramref name="instant"/> now.</summary>
    public static ShiftedClock At(TimeProvider inner, DateTimeOffset instant) => new(inner, instant - inner.GetUtcNow());
}
