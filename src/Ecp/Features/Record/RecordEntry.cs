namespace Ecp.Features.Record;

/// <summary>
/// One entry of the public record: an append-only, hash-chained log of every change to the
/// state of the process. docs/record.md specifies the canonical form that <see cref="Hash"/> covers.
/// </summary>
public sealed class RecordEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private RecordEntry()
    {
        Actor = null!;
        ActorName = null!;
        ActorRole = null!;
        Action = null!;
        Entity = null!;
        EntityId = null!;
        Payload = null!;
        PreviousHash = null!;
        Hash = null!;
    }

    public long Sequence { get; private set; }

    public DateTimeOffset Time { get; private set; }

    /// <summary>"person/{id}", "system/{name}" or "public".</summary>
    public string Actor { get; private set; }

    public string ActorName { get; private set; }

    public string ActorRole { get; private set; }

    /// <summary>Stakeholder group code of the actor, when they have one.</summary>
    public string? ActorGroup { get; private set; }

    /// <summary>What happened, as "entity.verb": "accreditation.approved".</summary>
    public string Action { get; private set; }

    public string Entity { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>Canonical JSON of the facts the change established.</summary>
    public string Payload { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    internal static RecordEntry Chain(long sequence, string previousHash, DateTimeOffset time, RecordDraft draft)
    {
        var entry = new RecordEntry
        {
            Sequence = sequence,
            Time = TruncateToMilliseconds(time),
            Actor = draft.Actor,
            ActorName = draft.ActorName,
            ActorRole = draft.ActorRole,
            ActorGroup = draft.ActorGroup,
            Action = draft.Action,
            Entity = draft.Entity,
            EntityId = draft.EntityId,
            Payload = draft.Payload,
            PreviousHash = previousHash,
        };
        entry.Hash = RecordCanonicalForm.HashOf(entry);
        return entry;
    }

    /// <summary>Both databases keep milliseconds exactly; the hash covers what is stored.</summary>
    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset t)
        => new DateTimeOffset(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}

/// <summary>An entry staged by a use case, chained when the unit of work commits.</summary>
internal sealed record RecordDraft(string Actor, string ActorName, string ActorRole, string? ActorGroup,
    string Action, string Entity, string EntityId, string Payload);

/// <summary>The last entry, kept in the same transaction as each append: its row is the lock
/// that orders writers across app nodes, and it makes a truncated tail detectable.</summary>
public sealed class RecordHead
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public long Sequence { get; private set; }

    public string Hash { get; private set; } = RecordEntry.GenesisHash;

    internal void Advance(RecordEntry entry)
    {
        Sequence = entry.Sequence;
        Hash = entry.Hash;
    }
}
