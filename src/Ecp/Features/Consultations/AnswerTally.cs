using Ecp.Data;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>How many counted respondents of one stakeholder group and ECOSOC status gave an answer
/// of one <see cref="Kind"/> to a question: "answered" (any answer), "text" (a non-empty text),
/// "scale" (point <see cref="Value"/>) or "choice" (option <see cref="Value"/>, from 1).</summary>
public sealed class TallyRow
{
    public string Group { get; init; } = "";
    public string EcosocStatus { get; init; } = "";
    public int Question { get; init; }
    public string Kind { get; init; } = "";
    public int Value { get; init; }
    public int Count { get; init; }

    public StakeholderGroup StakeholderGroup => Enum.Parse<StakeholderGroup>(Group);

    public ConsultativeStatus Ecosoc => Enum.Parse<ConsultativeStatus>(EcosocStatus);
}

/// <summary>
/// Tallies the current answers of a consultation's active contributions in the database: one
/// query that unnests each answer's JSON and groups, so the cost in memory is the number of
/// distinct (group, status, question, answer) cells, never the number of contributions.
/// The SQL is written per provider (SQLite's json_each, PostgreSQL's jsonb functions): EF Core
/// cannot see inside the answers column, which is JSON behind a value converter.
/// </summary>
internal static class AnswerTally
{
    /// <summary>The current version of each active contribution (parameters {0}: the consultation, {1}: "Active").</summary>
    private const string Current = """
        WITH cur AS (
            SELECT c."Group" AS grp, c."EcosocStatus" AS eco, v."Answers" AS answers
            FROM "Contributions" AS c
            JOIN "ContributionVersion" AS v ON v."ContributionId" = c."Id"
            WHERE c."ConsultationId" = {0} AND c."Status" = {1}
              AND NOT EXISTS (SELECT 1 FROM "ContributionVersion" AS x WHERE x."ContributionId" = v."ContributionId" AND x."Number" > v."Number")
        ),
        """;

    private const string Postgres = Current + """
        a AS (
            SELECT cur.grp, cur.eco, (e->>'question')::int AS q, e->>'text' AS t, (e->>'scale')::int AS s,
                   CASE WHEN jsonb_typeof(e->'choices') = 'array' THEN e->'choices' END AS ch
            FROM cur, jsonb_array_elements(cur.answers::jsonb) AS e
        )
        SELECT grp AS "Group", eco AS "EcosocStatus", q AS "Question", 'answered' AS "Kind", 0 AS "Value", COUNT(*)::int AS "Count" FROM a GROUP BY grp, eco, q
        UNION ALL
        SELECT grp, eco, q, 'text', 0, COUNT(*)::int FROM a WHERE length(t) > 0 GROUP BY grp, eco, q
        UNION ALL
        SELECT grp, eco, q, 'scale', s, COUNT(*)::int FROM a WHERE s IS NOT NULL GROUP BY grp, eco, q, s
        UNION ALL
        SELECT grp, eco, q, 'choice', o::int, COUNT(*)::int FROM a, jsonb_array_elements_text(a.ch) AS o WHERE a.ch IS NOT NULL GROUP BY grp, eco, q, o
        """;

    private const string Sqlite = Current + """
        a AS (
            SELECT cur.grp, cur.eco, json_extract(e.value, '$.question') AS q, json_extract(e.value, '$.text') AS t,
                   json_extract(e.value, '$.scale') AS s, json_extract(e.value, '$.choices') AS ch
            FROM cur, json_each(cur.answers) AS e
        )
        SELECT grp AS "Group", eco AS "EcosocStatus", q AS "Question", 'answered' AS "Kind", 0 AS "Value", COUNT(*) AS "Count" FROM a GROUP BY grp, eco, q
        UNION ALL
        SELECT grp, eco, q, 'text', 0, COUNT(*) FROM a WHERE length(t) > 0 GROUP BY grp, eco, q
        UNION ALL
        SELECT grp, eco, q, 'scale', s, COUNT(*) FROM a WHERE s IS NOT NULL GROUP BY grp, eco, q, s
        UNION ALL
        SELECT grp, eco, q, 'choice', o.value, COUNT(*) FROM a, json_each(a.ch) AS o WHERE json_type(a.ch) = 'array' GROUP BY grp, eco, q, o.value
        """;

    /// <remarks>A choice is counted once per answer: the use cases refuse an option chosen twice.</remarks>
    public static async Task<List<TallyRow>> CountAsync(AppDbContext db, Guid consultationId, CancellationToken ct)
    {
        if (db is not PostgresAppDbContext || db.Database.CurrentTransaction is not null)
        {
            return await db.Database.SqlQueryRaw<TallyRow>(db is PostgresAppDbContext ? Postgres : Sqlite, consultationId, nameof(ContributionStatus.Active)).ToListAsync(ct);
        }
        // PostgreSQL cannot estimate how many elements a JSON array holds (it guesses 100), so the
        // plan looks costly enough to JIT-compile, which here costs more than the query itself.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", ct);
        return await db.Database.SqlQueryRaw<TallyRow>(Postgres, consultationId, nameof(ContributionStatus.Active)).ToListAsync(ct);
    }
}
