using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace Ecp.Bench;

/// <summary>
/// Fills a consultation with many contributions in seconds, not through HTTP: the rows by one
/// INSERT … SELECT per table over a generated series (plain SQL per provider), and one record
/// entry each, chained to the head under its lock as <see cref="PublicRecord"/> does and inserted
/// in bulk, so the record verifies. The answers fit the four-question questionnaire of <see cref="Questions"/>, with
/// a known spread (<see cref="Expected"/>) so a test can check the tallies exactly. Shared by the
/// size tests (linked into Ecp.Tests) and the size benchmark.
/// </summary>
internal static class BulkContributions
{
    /// <summary>The questionnaire the answers fit: scale, single choice of three, multiple choice of three, free text.</summary>
    public static readonly object[] Questions =
    [
        new { text = "How far has it come?", type = "scale" },
        new { text = "Whose role?", type = "single-choice", options = new[] { "Governments", "All stakeholders", "Both" } },
        new { text = "Which issues?", type = "multiple-choice", options = new[] { "Cybersecurity", "Privacy", "Access" } },
        new { text = "What next?", type = "free-text" },
    ];

    /// <summary>What contribution i (from 0) is: withdrawn every 100th, hidden every 250th, three groups in turn.</summary>
    public static (bool Withdrawn, bool Hidden, string Group, int Scale, int Choice) Expected(int i)
        => (i % 100 == 99, i % 250 == 7, (i % 3) switch { 0 => "government", 1 => "civil-society", _ => "private-sector" }, i % 5 + 1, i % 3 + 1);

    public static async Task AddAsync(IServiceProvider services, Guid consultationId, int count, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var first = (await db.Contributions.Where(c => c.ConsultationId == consultationId).MaxAsync(c => (int?)c.Number, ct) ?? 0) + 1;
        // Ids unique to this call: a random first group, then the index.
        var prefix = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..4]);
        var authors = Math.Max(1, count / 4);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var head = await db.LockRecordHeadAsync(ct);
        var postgres = db is PostgresAppDbContext;
        object at = postgres ? now : new DateTimeOffsetToBinaryConverter().ConvertToProvider(now)!;
        // EF Core formats raw SQL with string.Format ({0} are the parameters): JSON braces are doubled.
        const string answers = """
            '[{{"question":1,"text":"","choices":null,"scale":' || (i % 5 + 1) || '}},{{"question":2,"text":"","choices":[' || (i % 3 + 1)
            || '],"scale":null}},{{"question":3,"text":"","choices":[1,' || (i % 2 + 2) || '],"scale":null}},{{"question":4,"text":"More cooperation, please.","choices":null,"scale":null}}]'
            """;
        var (series, id, author, salt) = postgres
            ? ("generate_series(0, {1} - 1) AS i",
                "({0} || '-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid",
                "({0} || '-0000-4000-9000-' || lpad((i % {3})::text, 12, '0'))::uuid",
                "md5(i::text)")
            : ("(WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {1}) SELECT i FROM n)",
                "printf('%s-0000-4000-8000-%012d', {0}, i)",
                "printf('%s-0000-4000-9000-%012d', {0}, i % {3})",
                "hex(randomblob(16))");
        object[] parameters = [prefix, count, consultationId, authors, first, at];
        // Only the constant fragments above are spliced in; the values are parameters.
        var contributions = $$"""
            INSERT INTO "Contributions" ("Id", "AuthorId", "AuthorName", "ConsentToCite", "ConsultationId", "EcosocStatus", "Group", "HiddenAt",
                "HiddenNote", "HiddenReason", "IdentitySalt", "Language", "MemberStateCode", "Number", "OrganizationId", "Status", "SubmittedAt", "UpdatedAt", "WordCount")
            SELECT {{id}}, {{author}}, 'Bulk author ' || (i % {3}), (i % 2 = 0), {2}, 'None',
                CASE i % 3 WHEN 0 THEN 'Government' WHEN 1 THEN 'CivilSociety' ELSE 'PrivateSector' END,
                CASE WHEN i % 250 = 7 THEN {5} END, NULL, CASE WHEN i % 250 = 7 THEN 'Spam' END, {{salt}}, 'en',
                CASE WHEN i % 3 = 0 THEN 'FRA' END, {4} + i, NULL, CASE WHEN i % 100 = 99 THEN 'Withdrawn' ELSE 'Active' END, {5}, {5}, 3
            FROM {{series}}
            """;
        var versions = $$"""
            INSERT INTO "ContributionVersion" ("ContributionId", "Number", "Answers", "Language", "SubmittedAt")
            SELECT {{id}}, 1, {{answers}}, 'en', {5}
            FROM {{series}}
            """;
        await db.Database.ExecuteSqlRawAsync(contributions, parameters, ct);
        await db.Database.ExecuteSqlRawAsync(versions, parameters, ct);

        // One entry per contribution, chained to the head as PublicRecord would, inserted in bulk.
        var entries = new List<RecordEntry>(count);
        var (sequence, previous) = (head.Sequence, head.Hash);
        for (var i = 0; i < count; i++)
        {
            var entry = RecordEntry.Chain(++sequence, previous, now, new RecordDraft("system/bench", "bench", "public", null, "contribution.submitted",
                "contribution", $"{prefix}-0000-4000-8000-{i:D12}".ToLowerInvariant(), CanonicalJson.Serialize(new { consultationId, number = first + i })));
            previous = entry.Hash;
            entries.Add(entry);
        }
        if (postgres)
        {
            // Arrays unnested by the server: a few round trips instead of one per entry.
            foreach (var chunk in entries.Chunk(20_000))
            {
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "RecordEntries" ("Sequence", "Time", "Actor", "ActorName", "ActorRole", "ActorGroup", "Action", "Entity", "EntityId", "Payload", "PreviousHash", "Hash")
                    SELECT * FROM unnest({0}::bigint[], {1}::timestamptz[], {2}::text[], {3}::text[], {4}::text[], {5}::text[], {6}::text[], {7}::text[], {8}::text[], {9}::text[], {10}::text[], {11}::text[])
                    """,
                    [chunk.Select(e => e.Sequence).ToArray(), chunk.Select(e => e.Time).ToArray(), chunk.Select(e => e.Actor).ToArray(), chunk.Select(e => e.ActorName).ToArray(),
                        chunk.Select(e => e.ActorRole).ToArray(), chunk.Select(e => e.ActorGroup).ToArray(), chunk.Select(e => e.Action).ToArray(), chunk.Select(e => e.Entity).ToArray(),
                        chunk.Select(e => e.EntityId).ToArray(), chunk.Select(e => e.Payload).ToArray(), chunk.Select(e => e.PreviousHash).ToArray(), chunk.Select(e => e.Hash).ToArray()], ct);
            }
        }
        else
        {
            await RowInserter.InsertAsync(db, entries, ct);
        }
        head.Advance(entries[^1]);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
