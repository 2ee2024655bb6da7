using Ecp.Features.Accounts;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Data;

/// <summary>
/// The one database of the platform. Each provider has its own subclass so that each keeps its
/// own migrations (Migrations/Sqlite, Migrations/Postgres); the model is defined once, here and
/// in the *Configuration classes beside the entities.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<Account>(options), IDataProtectionKeyContext
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Accreditation> Accreditations => Set<Accreditation>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Features.Invitations.Invitation> Invitations => Set<Features.Invitations.Invitation>();

    public DbSet<Features.Bodies.Body> Bodies => Set<Features.Bodies.Body>();

    public DbSet<Features.Drafts.OutcomeDocument> Documents => Set<Features.Drafts.OutcomeDocument>();

    public DbSet<Features.Drafts.Amendment> Amendments => Set<Features.Drafts.Amendment>();

    public DbSet<Features.Drafts.ParagraphComment> ParagraphComments => Set<Features.Drafts.ParagraphComment>();

    public DbSet<Features.Drafts.ParagraphTranslation> ParagraphTranslations => Set<Features.Drafts.ParagraphTranslation>();

    public DbSet<Features.Decisions.Decision> Decisions => Set<Features.Decisions.Decision>();

    public DbSet<Features.Consultations.Consultation> Consultations => Set<Features.Consultations.Consultation>();

    public DbSet<Features.Consultations.Contribution> Contributions => Set<Features.Consultations.Contribution>();

    public DbSet<Features.Issues.IssueCluster> IssueClusters => Set<Features.Issues.IssueCluster>();

    public DbSet<Features.Issues.Issue> Issues => Set<Features.Issues.Issue>();

    public DbSet<Features.Issues.IssueMapping> IssueMappings => Set<Features.Issues.IssueMapping>();

    public DbSet<Features.Issues.MappingProposal> MappingProposals => Set<Features.Issues.MappingProposal>();

    public DbSet<Features.Issues.ScopeAssessment> ScopeAssessments => Set<Features.Issues.ScopeAssessment>();

    public DbSet<Features.Issues.IssueTag> IssueTags => Set<Features.Issues.IssueTag>();
    public DbSet<Features.Assessments.AssessmentRound> AssessmentRounds => Set<Features.Assessments.AssessmentRound>();

    public DbSet<Features.Accountability.TrackedResult> Results => Set<Features.Accountability.TrackedResult>();

    public DbSet<Features.Accountability.Milestone> Milestones => Set<Features.Accountability.Milestone>();

    public DbSet<Features.Accountability.ResultImplementer> ResultImplementers => Set<Features.Accountability.ResultImplementer>();
    public DbSet<Features.AnnualReports.ReportingCycle> ReportingCycles => Set<Features.AnnualReports.ReportingCycle>();

    public DbSet<Features.AnnualReports.AnnualReport> AnnualReports => Set<Features.AnnualReports.AnnualReport>();

    public DbSet<Features.Meetings.Meeting> Meetings => Set<Features.Meetings.Meeting>();

    public DbSet<Features.Meetings.MeetingRegistration> MeetingRegistrations => Set<Features.Meetings.MeetingRegistration>();

    public DbSet<Features.Meetings.FloorRequest> FloorRequests => Set<Features.Meetings.FloorRequest>();

    public DbSet<RecordEntry> RecordEntries => Set<RecordEntry>();

    public DbSet<RecordHead> RecordHeads => Set<RecordHead>();

    /// <summary>Shared by all app nodes so a cookie issued by one is read by another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Reads the record head inside the current transaction, holding writers off until commit.</summary>
    public abstract Task<RecordHead> LockRecordHeadAsync(CancellationToken ct);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Our entities make their own ids (Guid v7, in the entity); a new child reached through an
        // aggregate's collection (a version of a document) must be inserted, not taken for an
        // existing row to update.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("Ecp.Features", StringComparison.Ordinal) == true))
        {
            if (entity.FindPrimaryKey() is { Properties: [{ ClrType: var type } key] } && type == typeof(Guid))
            {
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
