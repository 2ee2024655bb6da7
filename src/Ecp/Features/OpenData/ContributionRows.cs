using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Consultations;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ecp.Features.OpenData;

/// <summary>
/// The rows of the contributions dataset, the largest one (a million rows is a plausible WSIS-scale
/// consultation history): read with one plain query and a data reader rather than as entities, so a
/// row costs what the database's own dump tool pays plus its formatting. Loading entities
/// deserialized every version's answers into objects only to join their texts; here the texts are
/// taken from the stored JSON as it is read. The consent and hiding rules are those of every other
/// public output: the name and organization only with consent to cite (<see cref="PublicAttribution.CitedName"/>);
/// no text for a hidden or withdrawn contribution.
/// </summary>
public static class ContributionRows
{
    /// <summary>Each contribution of a published consultation with its current version (its highest
    /// number), in id order. Plain SQL that both databases read the same way; the benchmark dumps
    /// these very rows with the database's own tool.</summary>
    public const string Sql = """
        SELECT c."Id", c."ConsultationId", c."Number", c."Group", c."MemberStateCode", c."AuthorName", c."OrganizationId", c."ConsentToCite",
            c."Status", c."HiddenReason", v."Language", c."SubmittedAt", c."UpdatedAt", c."WordCount", v."Answers"
        FROM "Contributions" c
        JOIN "ContributionVersion" v ON v."ContributionId" = c."Id"
            AND v."Number" = (SELECT MAX(w."Number") FROM "ContributionVersion" w WHERE w."ContributionId" = c."Id")
        WHERE EXISTS (SELECT 1 FROM "Consultations" x WHERE x."Id" = c."ConsultationId" AND x."Phase" <> 'Draft')
        ORDER BY c."Id"
        """;

    /// <summary>The rows, one at a time. The array is reused from row to row: a consumer writes each
    /// before asking for the next (as <see cref="OpenDataWriter"/> does), it never keeps one.</summary>
    public static async IAsyncEnumerable<object?[]> ReadAsync(AppDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var time = TimeReader(db);
        // SQLite hands its text over as the UTF-8 bytes it keeps, with no string in between.
        var sqlite = db is SqliteAppDbContext;
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        var row = new object?[14];
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql;
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                // Columns in their order: sequential access reads each once, forward.
                row[0] = reader.GetGuid(0);
                row[1] = reader.GetGuid(1);
                row[2] = reader.GetInt32(2);
                row[3] = Code<StakeholderGroup>(groups, reader.GetString(3));
                row[4] = reader.IsDBNull(4) ? null : reader.GetString(4);
                var author = reader.GetString(5);
                var organization = reader.IsDBNull(6) ? (Guid?)null : reader.GetGuid(6);
                var consent = reader.GetBoolean(7);
                row[5] = PublicAttribution.CitedName(consent, author);
                row[6] = consent ? organization : null;
                row[7] = consent;
                var stored = reader.GetString(8);
                var active = stored == nameof(ContributionStatus.Active);
                var status = Code<ContributionStatus>(statuses, stored);
                var hidden = !reader.IsDBNull(9);
                row[8] = hidden ? "hidden" : status;
                row[9] = reader.GetString(10);
                row[10] = time(reader, 11);
                row[11] = time(reader, 12);
                row[12] = reader.GetInt32(13);
                row[13] = hidden || !active ? null : sqlite ? Texts(reader.GetFieldValue<byte[]>(14), text) : Texts(reader.GetString(14), text);
                yield return row;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The code of an enum value stored by its name, each distinct name converted once.</summary>
    private static string Code<TEnum>(Dictionary<string, string> codes, string stored) where TEnum : struct, Enum
    {
        if (!codes.TryGetValue(stored, out var code)) codes[stored] = code = Enum.Parse<TEnum>(stored).ToCode();
        return code;
    }

    /// <summary>The answers' texts that are not blank, one per line, from the stored JSON array of
    /// answers (<see cref="Answer"/>, camel case).</summary>
    private static string Texts(string answers, StringBuilder text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(answers.Length));
        try
        {
            return Texts(buffer.AsSpan(0, Encoding.UTF8.GetBytes(answers, buffer)), text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Texts(ReadOnlySpan<byte> answers, StringBuilder text)
    {
        text.Clear();
        var json = new Utf8JsonReader(answers);
        while (json.Read())
        {
            if (json.TokenType != JsonTokenType.PropertyName || json.CurrentDepth != 2 || !(json.ValueTextEquals("text"u8) || json.ValueTextEquals("Text"u8))) continue;
            json.Read();
            if (json.TokenType != JsonTokenType.String || json.GetString() is not { } answer || string.IsNullOrWhiteSpace(answer)) continue;
            if (text.Length > 0) text.Append('\n');
            text.Append(answer);
        }
        return text.ToString();
    }

    /// <summary>Reads a timestamp as the model stores it: PostgreSQL's timestamptz as it is, SQLite's
    /// integer through the model's own converter.</summary>
    private static Func<DbDataReader, int, DateTimeOffset> TimeReader(AppDbContext db)
    {
        var mapping = db.Model.FindEntityType(typeof(Contribution))!.FindProperty(nameof(Contribution.SubmittedAt))!.GetTypeMapping();
        if (mapping.Converter is ValueConverter<DateTimeOffset, long> converter)
        {
            var fromProvider = converter.ConvertFromProviderExpression.Compile();
            return (reader, i) => fromProvider(reader.GetInt64(i));
        }
        return (reader, i) => reader.GetFieldValue<DateTimeOffset>(i);
    }
}
