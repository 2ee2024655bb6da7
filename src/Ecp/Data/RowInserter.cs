using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ecp.Data;

/// <summary>
/// Inserts new rows of one entity type with one prepared command, inside the context's current
/// transaction, through EF Core's own mapping: table and column names, value converters and
/// parameter types come from the model, so a row written here reads back through EF exactly as
/// one written by SaveChanges, on SQLite and on PostgreSQL.
/// </summary>
/// <remarks>
/// For the one hot path where many rows of few types arrive at once (group commit of
/// contributions, <see cref="Features.Consultations.ContributionWriter"/>): there the change
/// tracker's graph work and SQL generated anew for each batch cost more than the inserts
/// themselves. Only plain mapped properties are written; an entity type with shadow or
/// store-generated properties is refused rather than written incompletely.
/// </remarks>
public static class RowInserter
{
    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Rows are inserted inside the unit of work's transaction.");
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().ToList();
        if (properties.Any(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never))
        {
            throw new NotSupportedException($"{typeof(T).Name} has shadow or generated properties; save it through the change tracker.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = properties.Select(p => (
            Property: p,
            Getter: p.GetGetter(),
            Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(),
            Name: "p" + properties.IndexOf(p))).ToList();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
                $"VALUES ({string.Join(", ", columns.Select(c => sql.GenerateParameterName(c.Name)))})";
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                foreach (var (property, getter, mapping, name) in columns)
                {
                    // CreateParameter applies the property's value converter and provider type.
                    command.Parameters.Add(mapping.CreateParameter(command, name, getter.GetClrValue(row), property.IsNullable));
                }
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
