using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Record;

internal sealed class RecordEntryConfiguration : IEntityTypeConfiguration<RecordEntry>
{
    public void Configure(EntityTypeBuilder<RecordEntry> b)
    {
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Actor).HasMaxLength(200);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.ActorRole).HasMaxLength(40);
        b.Property(e => e.ActorGroup).HasMaxLength(40);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.Entity).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(100);
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(e => new { e.Entity, e.EntityId });
        b.HasIndex(e => e.Actor);
    }
}

internal sealed class RecordHeadConfiguration : IEntityTypeConfiguration<RecordHead>
{
    public void Configure(EntityTypeBuilder<RecordHead> b)
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
        b.HasData(new RecordHead());
    }
}
