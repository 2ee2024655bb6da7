using Ecp.Features.Bodies;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength);
        b.Property(m => m.TimeZone).HasMaxLength(64);
        b.Property(m => m.Place).HasMaxLength(Meeting.PlaceMaxLength);
        b.Property(m => m.RemoteUrl).HasMaxLength(Meeting.UrlMaxLength);
        b.HasOne<Body>().WithMany().HasForeignKey(m => m.BodyId);
        b.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Agenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        // A body's meetings by date (its list and its calendar), and every meeting by date.
        b.HasIndex(m => new { m.BodyId, m.StartsAt, m.Id });
        b.HasIndex(m => new { m.StartsAt, m.Id });
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.ToTable("MeetingAgendaItems");
        b.HasKey(a => a.Id);
        b.Property(a => a.Title).HasMaxLength(Meeting.TitleMaxLength);
        b.HasIndex(a => new { a.MeetingId, a.Number }).IsUnique();
    }
}

internal sealed class MeetingRegistrationConfiguration : IEntityTypeConfiguration<MeetingRegistration>
{
    public void Configure(EntityTypeBuilder<MeetingRegistration> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.MemberStateCode).HasMaxLength(3);
        b.Ignore(r => r.HoldsSeat);
        b.Ignore(r => r.IsActive);
        b.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId);
        // The meeting's list in request order (the waiting list's order), and a person's own.
        b.HasIndex(r => new { r.MeetingId, r.RequestedAt, r.Id });
        b.HasIndex(r => new { r.PersonId, r.MeetingId });
    }
}

internal sealed class FloorRequestConfiguration : IEntityTypeConfiguration<FloorRequest>
{
    public void Configure(EntityTypeBuilder<FloorRequest> b)
    {
        b.ToTable("MeetingFloorRequests");
        b.HasKey(f => f.Id);
        b.Property(f => f.MemberStateCode).HasMaxLength(3);
        b.HasOne<Meeting>().WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MeetingRegistration>().WithMany().HasForeignKey(f => f.RegistrationId);
        // The speakers list of a meeting, item by item, in the Chair's order.
        b.HasIndex(f => new { f.MeetingId, f.AgendaNumber, f.Order });
    }
}
