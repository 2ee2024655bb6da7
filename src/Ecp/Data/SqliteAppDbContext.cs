using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ecp.Data;

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    // SQLite's write lock is taken by BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so a
    // plain read of the head inside the transaction is already serialized.
    public override Task<RecordHead> LockRecordHeadAsync(CancellationToken ct)
        => RecordHeads.SingleAsync(h => h.Id == RecordHead.SingletonId, ct);

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // SQLite has no date type; a sortable integer keeps ORDER BY and comparisons in SQL.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
