using System.Security.Cryptography;
using System.Text;
using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.Invitations;

/// <summary>
/// The secretariat's invitation of one person to take part in a role. The link in the e-mail
/// carries a single-use token of 256 random bits; only its SHA-256 is stored (as for API tokens,
/// a plain hash suffices for a secret that long). Accepting it creates the account and the
/// accreditation, approved by the act of inviting.
/// </summary>
public sealed class Invitation
{
    public const string TokenPrefix = "inv_";
    public const int EmailMaxLength = 256;
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    private Invitation()
    {
        DisplayName = null!;
        Email = null!;
        NormalizedEmail = null!;
        TokenHash = null!;
    }

    public Guid Id { get; private set; }

    public string DisplayName { get; private set; }

    public string Email { get; private set; }

    /// <summary>Upper-case, as Identity normalizes it: one open invitation per address.</summary>
    public string NormalizedEmail { get; private set; }

    public AccreditationKind Kind { get; private set; }

    public string? MemberStateCode { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public StakeholderGroup StakeholderGroup { get; private set; }

    /// <summary>The UN language of the e-mail and of the account, when the secretariat gave one.</summary>
    public string? Language { get; private set; }

    public string TokenHash { get; private set; }

    /// <summary>The secretariat member whose act of inviting approves the accreditation.</summary>
    public Guid InvitedBy { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>The person the invitation became.</summary>
    public Guid? PersonId { get; private set; }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && now < ExpiresAt;

    public static (Invitation Invitation, string Token) Issue(Guid invitedBy, string displayName, string email, AccreditationTarget target,
        string? language, DateTimeOffset now)
    {
        var token = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(now),
            DisplayName = displayName.Trim(),
            Email = email.Trim(),
            NormalizedEmail = Normalize(email),
            Kind = target.Kind,
            MemberStateCode = target.MemberStateCode,
            OrganizationId = target.Organization?.Id,
            StakeholderGroup = target.Group,
            Language = Languages.IsSupported(language) ? language : null,
            TokenHash = HashOf(token),
            InvitedBy = invitedBy,
            InvitedAt = now,
            ExpiresAt = now + ValidFor,
        };
        return (invitation, token);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    /// <summary>Why the invitation behind a link cannot be taken: there is none, or it is used or expired; else nothing.</summary>
    public static Error? Refusal(Invitation? invitation, DateTimeOffset now) => invitation is null ? new InvitationNotFound() : invitation.Unusable(now);

    /// <summary>Refuses a used or expired invitation; else nothing.</summary>
    public Error? Unusable(DateTimeOffset now)
        => AcceptedAt is not null ? new InvitationUsed()
            : now >= ExpiresAt ? new InvitationExpired()
            : null;

    /// <summary>The invitee takes it: the accreditation it promised, approved by the inviter.</summary>
    public Result<Accreditation> Accept(Person person, Organization? organization, DateTimeOffset now)
    {
        if (Unusable(now) is { } refused) return refused;
        if (OrganizationId != organization?.Id) throw new ArgumentException("The invitation's own organization is needed.", nameof(organization));
        var target = new AccreditationTarget(Kind, MemberStateCode, StakeholderGroup, organization);
        var accreditation = target.Request(person.Id, $"invitation/{Id}", now);
        var approved = accreditation.Approve(InvitedBy, null, now);
        if (!approved.IsSuccess) return approved;
        AcceptedAt = now;
        PersonId = person.Id;
        person.Accredit(accreditation);
        return accreditation;
    }
}
