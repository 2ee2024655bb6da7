using System.Globalization;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Notifications;
using Ecp.Features.Record;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Invitations;

/// <summary>
/// The secretariat invites many people at once (a CSV upload or the API). Every row is checked
/// first; if any row is wrong nothing is invited, and each error names its line, so the
/// secretariat fixes the file and sends it again whole. Each invitation, its e-mail (through the
/// outbox) and its record entry are saved in one transaction.
/// </summary>
public sealed class InviteParticipants(
    AppDbContext db,
    PublicRecord record,
    MemberStateCatalog states,
    NotificationMail mail,
    IOptions<NotificationOptions> notifications,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock)
{
    public const int MaxRows = 1000;
    public const string MailKind = "invitation";

    public sealed record Row
    {
        public string? Name { get; init; }
        public string? Email { get; init; }
        /// <summary>"delegate", "stakeholder" or "reporter".</summary>
        public string? Role { get; init; }
        /// <summary>A Member State code (BRA) for a delegate; an organization (its id or exact name)
        /// or, for an individual stakeholder, a stakeholder group code (civil-society).</summary>
        public string? MemberStateOrOrganization { get; init; }
        /// <summary>ar, zh, en, fr, ru or es (optional): the language of the e-mail and the account.</summary>
        public string? Language { get; init; }
        /// <summary>Where the row is in the file, for the messages (the header is line 1); else its position.</summary>
        public int? Line { get; init; }
    }

    public sealed record Command
    {
        public IReadOnlyList<Row>? Rows { get; init; }
    }

    public sealed record Invited(Guid Id, int Line, string Name, string Role, DateTimeOffset ExpiresAt);

    public async Task<Result<IReadOnlyList<Invited>>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        // A missing row (null in a JSON list) is a row with nothing in it: refused with its line.
        var rows = (command.Rows ?? []).Select(r => r ?? new Row()).ToList();
        if (rows.Count == 0) return new ValidationError([new FieldError(nameof(Command.Rows), "Invitation.NoRows")]);
        if (rows.Count > MaxRows) return new ValidationError([new FieldError(nameof(Command.Rows), "Invitation.TooManyRows", MaxRows)]);
        await record.BeginAsync(ct);

        var now = clock.GetUtcNow();
        var checkedRows = await CheckRowsAsync(rows, now, ct);
        if (!checkedRows.IsSuccess) return checkedRows.Error!;
        var accepted = checkedRows.Value;

        var site = notifications.Value.SiteUrl.TrimEnd('/');
        var invited = new List<Invited>(accepted.Count);
        foreach (var (row, line, target) in accepted)
        {
            var language = row.Language is { Length: > 0 } given ? given.Trim().ToLowerInvariant() : null;
            var (invitation, token) = Invitation.Issue(actor.PersonId!.Value, row.Name!, row.Email!, target, language, now);
            db.Invitations.Add(invitation);
            var (subject, body) = mail.Invited(invitation.DisplayName, () => RoleText(target), $"{site}/invitations/{token}", invitation.ExpiresAt,
                language ?? Languages.ToUnLanguage(CultureInfo.CurrentUICulture));
            db.Add(OutboxMessage.Queue(MailKind, $"invitation:{invitation.Id:N}", invitation.Id, invitation.Email, subject, body, now));
            // No name, e-mail or token on the public record: the invitee has not joined yet.
            record.Append(actor, InvitationActions.Issued, "invitation", invitation.Id.ToString(), new
            {
                invitationId = invitation.Id,
                kind = invitation.Kind,
                memberState = invitation.MemberStateCode,
                stakeholderGroup = invitation.StakeholderGroup.ToCode(),
                organizationId = invitation.OrganizationId,
                expiresAt = invitation.ExpiresAt,
            });
            invited.Add(new Invited(invitation.Id, line, invitation.DisplayName, RoleText(target), invitation.ExpiresAt));
        }
        await record.SaveAsync(ct);
        return invited;
    }

    /// <summary>Every row checked against the rules and against each other and the accounts and open
    /// invitations there are: the rows' targets, or every row's every error.</summary>
    private async Task<Result<List<(Row Row, int Line, AccreditationTarget Target)>>> CheckRowsAsync(List<Row> rows, DateTimeOffset now, CancellationToken ct)
    {
        var emails = rows.Select(r => r.Email is { Length: > 0 } e ? Invitation.Normalize(e) : "").Where(e => e.Length > 0).Distinct().ToList();
        var taken = (await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync(ct))
            .Concat(await db.Invitations.Where(i => emails.Contains(i.NormalizedEmail) && i.AcceptedAt == null && i.ExpiresAt > now)
                .Select(i => i.NormalizedEmail).ToListAsync(ct))
            .ToHashSet();

        var errors = new List<FieldError>();
        var seen = new HashSet<string>();
        var accepted = new List<(Row Row, int Line, AccreditationTarget Target)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = row.Line ?? i + 1;
            var check = new Validation()
                .RequiredText(nameof(Row.Name), row.Name, Person.DisplayNameMaxLength)
                .RequiredText(nameof(Row.Email), row.Email, Invitation.EmailMaxLength);
            if (row.Email is { Length: > 0 } email)
            {
                var normalized = Invitation.Normalize(email);
                if (!System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _)) check.Add(nameof(Row.Email), "Identity.InvalidEmail");
                else if (!seen.Add(normalized)) check.Add(nameof(Row.Email), "Invitation.DuplicateEmail");
                else if (taken.Contains(normalized)) check.Add(nameof(Row.Email), "Invitation.EmailTaken");
            }
            if (row.Language is { Length: > 0 } language && !Languages.IsSupported(language.Trim().ToLowerInvariant()))
            {
                check.Add(nameof(Row.Language), "Invitation.LanguageInvalid");
            }
            var target = await TargetAsync(row, check, ct);
            var found = check.ToError().Fields;
            if (found.Count == 0)
            {
                accepted.Add((row, line, target!));
                continue;
            }
            // "Line 3: …" in the caller's language, beside the row's field.
            errors.AddRange(found.Select(f => new FieldError($"Rows[{i}].{f.Field}", "Invitation.Line", line, l[f.MessageKey, f.Args].Value)));
        }
        return errors.Count > 0 ? new ValidationError(errors) : accepted;
    }

    /// <summary>The role in words, in the current language: "Delegate: Brazil".</summary>
    public string RoleText(AccreditationTarget target)
        => $"{l["AccreditationKind." + target.Kind]}: " + (target.Kind == AccreditationKind.Delegate
            ? states.Find(target.MemberStateCode)?.Name ?? target.MemberStateCode
            : target.Organization?.Name ?? l[target.Group.ResourceKey()].Value);

    /// <summary>The fourth column means a Member State for a delegate; an organization (id or
    /// exact name) or a stakeholder group for the others.</summary>
    private async Task<AccreditationTarget?> TargetAsync(Row row, Validation check, CancellationToken ct)
    {
        var value = row.MemberStateOrOrganization?.Trim() ?? "";
        var kind = AccreditationTarget.KindOf(row.Role);
        string? state = null, group = null;
        Guid? organizationId = null;
        if (kind == AccreditationKind.Delegate)
        {
            state = value.ToUpperInvariant();
        }
        else if (Guid.TryParse(value, out var id))
        {
            organizationId = id;
        }
        else if (value.Length > 0)
        {
            organizationId = await db.Organizations.Where(o => o.Name == value).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (organizationId is null && Codes.Parse<StakeholderGroup>(value) is null)
            {
                check.Add(nameof(Row.MemberStateOrOrganization), "Accreditation.OrganizationUnknown");
                return null;
            }
            if (organizationId is null) group = value;
        }
        var target = await AccreditationTarget.CheckAsync(db, states, row.Role, state, group, organizationId, ct);
        // The row has one column for the target: the target's errors are that column's (or the role's).
        foreach (var f in (target.Error as ValidationError)?.Fields ?? [])
        {
            check.Add(f.Field == AccreditationTarget.KindField ? nameof(Row.Role) : nameof(Row.MemberStateOrOrganization), f.MessageKey, f.Args);
        }
        return target.IsSuccess ? target.Value : null;
    }
}
