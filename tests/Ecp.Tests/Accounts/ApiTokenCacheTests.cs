using Ecp.Features.Accounts;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;

namespace Ecp.Tests.Accounts;

public sealed class ApiTokenCacheTests
{
    private static readonly ApiTokenCache.Entry Token = new(Guid.NewGuid(), "account-1", null);

    [Fact]
    public void Remembered_ForTenSecondsOfTheInjectedClock_ThenLookedUpAgain()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var tokens = new ApiTokenCache(memory, clock);

        tokens.Remember("hash", Token);
        clock.Advance(ApiTokenCache.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Equal(Token, tokens.Find("hash"));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(tokens.Find("hash"));
    }

    [Fact]
    public void Forgotten_IsNotFound()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var tokens = new ApiTokenCache(memory, TimeProvider.System);
        tokens.Remember("hash", Token);
        tokens.Forget("hash");
        Assert.Null(tokens.Find("hash"));
        Assert.Null(tokens.Find("another"));
    }
}
