using Microsoft.Extensions.Caching.Memory;

namespace Ecp.Features.Accounts;

/// <summary>
/// What a valid token stands for, kept by this node for <see cref="Lifetime"/> so that a burst of
/// API calls does not look the same token up on every request. A revocation on this node takes
/// effect at once; on the other nodes of a cluster within <see cref="Lifetime"/>
/// (docs/operations.md). Only the token's hash is used as the key; the secret is never kept.
/// </summary>
/// <remarks>The injected clock decides whether an entry is still good; the memory cache's own
/// expiry only frees the memory.</remarks>
public sealed class ApiTokenCache(IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public sealed record Entry(Guid TokenId, string AccountId, DateTimeOffset? LastUsedAt);

    private sealed record Remembered(Entry Entry, DateTimeOffset Since);

    public Entry? Find(string hash)
        => cache.TryGetValue(Key(hash), out Remembered? remembered) && clock.GetUtcNow() - remembered!.Since < Lifetime
            ? remembered.Entry
            : null;

    public void Remember(string hash, Entry entry) => cache.Set(Key(hash), new Remembered(entry, clock.GetUtcNow()), Lifetime);

    public void Forget(string hash) => cache.Remove(Key(hash));

    private static string Key(string hash) => "api-token:" + hash;
}
