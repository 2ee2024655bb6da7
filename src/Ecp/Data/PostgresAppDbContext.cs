using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ecp.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    // The row lock orders concurrent writers on every app node: each waits for the previous
    // commit and chains to the head it left.
    public override Task<RecordHead> LockRecordHeadAsync(CancellationToken ct)
        => RecordHeads.FromSqlRaw("""SELECT * FROM "RecordHeads" WHERE "Id" = 1 FOR UPDATE""").SingleAsync(ct);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=ecp_design").Options);
}
