using Ecp.Data;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

/// <summary>How many counted respondents of one stakeholder group and ECOSOC status gave one
/// shape of answer to a question: the same point of the scale, the same options (as the JSON
/// array stored) and a text or none.</summary>
public sealed class TallyRow
{
    public string Group { get; init; } = "";
    public string EcosocStatus { get; init; } = "";
    public int Question { get; init; }
    public int? Scale { get; init; }
    public string? Choices { get; init; }
    public bool HasText { get; init; }
    public int Count { get; init; }

    public StakeholderGroup StakeholderGroup => Enum.Parse<StakeholderGroup>(Group);

    public ConsultativeStatus Ecosoc => Enum.Parse<ConsultativeStatus>(EcosocStatus);

    /// <summary>The options chosen, numbered from 1.</summary>
    /// <remarks>Read once: the results ask it of every row for every option.</remarks>
    public IReadOnlyList<int> ChosenOptions => chosen ??= Choices is null ? [] : System.Text.Json.JsonSerializer.Deserialize<int[]>(Choices) ?? [];

    private IReadOnlyList<int>? chosen;
}

/// <summary>
/// Tallies the current answers of a consultation's active contributions in the database: one
/// pass that unnests each answer's JSON and groups by the shape of the answer, so what comes back
/// is one row per distinct (group, status, question, answer) and never one per contribution.
/// The SQL is written per provider (SQLite's json_each, PostgreSQL's jsonb functions): EF Core
/// cannot see inside the answers column, which is JSON behind a value converter.
/// </summary>
internal static class AnswerTally
{
    /// <summary>Parameters {0}: the consultation, {1}: "Active". The current version is the one no later version follows.</summary>
    private const string From = """
        FROM "Contributions" AS c
        JOIN "ContributionVersion" AS v ON v."ContributionId" = c."Id"
        """;

    private const string Where = """
        WHERE c."ConsultationId" = {0} AND c."Status" = {1}
          AND NOT EXISTS (SELECT 1 FROM "ContributionVersion" AS x WHERE x."ContributionId" = v."ContributionId" AND x."Number" > v."Number")
        GROUP BY 1, 2, 3, 4, 5, 6
        """;

    private const string Postgres = """
        SELECT c."Group" AS "Group", c."EcosocStatus" AS "EcosocStatus", (e->>'question')::int AS "Question", (e->>'scale')::int AS "Scale",
               CASE WHEN jsonb_typeof(e->'choices') = 'array' THEN e->>'choices' END AS "Choices",
               coalesce(length(e->>'text'), 0) > 0 AS "HasText", COUNT(*)::int AS "Count"
        """ + "\n" + From + "\n" + """
        CROSS JOIN LATERAL jsonb_array_elements(v."Answers"::jsonb) AS e
        """ + "\n" + Where;

    private const string Sqlite = """
        SELECT c."Group" AS "Group", c."EcosocStatus" AS "EcosocStatus", json_extract(e.value, '$.question') AS "Question",
               json_extract(e.value, '$.scale') AS "Scale",
               CASE WHEN json_type(e.value, '$.choices') = 'array' THEN json_extract(e.value, '$.choices') END AS "Choices",
               coalesce(length(json_extract(e.value, '$.text')), 0) > 0 AS "HasText", COUNT(*) AS "Count"
        """ + "\n" + From + "\n" + """
        CROSS JOIN json_each(v."Answers") AS e
        """ + "\n" + Where;

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
