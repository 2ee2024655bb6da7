using System.Security.Cryptography;
using System.Text;
using Ecp.Common;
using Ecp.Features.Record;
using Ecp.Features.Registry;

namespace Ecp.Features.Consultations;

public enum ContributionStatus
{
    Active,
    Withdrawn,
}

public enum ModerationReason
{
    Abuse,
    Spam,
    OffTopic,
    Duplicate,
}

/// <summary>An answer: a text, and for questionnaire questions the chosen options (numbered from
/// 1) or a point on the 1-5 scale.</summary>
public sealed record Answer(int Question, string Text, IReadOnlyList<int>? Choices = null, int? Scale = null)
{
    public bool Equals(Answer? other) => other is not null && Question == other.Question && Text == other.Text && Scale == other.Scale
        && (Choices ?? []).SequenceEqual(other.Choices ?? []);

    public override int GetHashCode() => HashCode.Combine(Question, Text, Scale, Choices?.Count);
}

/// <summary>
/// A contribution to a consultation, attributed to its author and the author's stakeholder
/// group. Editable until the close with every version kept; a withdrawal or a moderator's hiding
/// keeps it on the record and in the counts. Where the author did not consent to be cited, the
/// public sees only the stakeholder group, and the record commits to the identity by hash.
/// </summary>
public sealed class Contribution
{
    public const int AnswerMaxLength = 20_000;
    public const int HiddenNoteMaxLength = 2000;

    private readonly List<ContributionVersion> versions = [];

    private Contribution()
    {
        AuthorName = null!;
        Language = null!;
        IdentitySalt = null!;
    }

    public Guid Id { get; private set; }

    public Guid ConsultationId { get; private set; }

    /// <summary>1, 2, 3 … within the consultation: what a synthesis cites as [C-12].</summary>
    public int Number { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public StakeholderGroup Group { get; private set; }

    public string? MemberStateCode { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public string Language { get; private set; }

    /// <summary>The respondent's ECOSOC consultative status, from their organization, at the time of answering.</summary>
    public ConsultativeStatus EcosocStatus { get; private set; }

    /// <summary>"Do you authorise us to cite/share your views individually?" (WGEC questionnaire).</summary>
    public bool ConsentToCite { get; private set; }

    public ContributionStatus Status { get; private set; }

    public ModerationReason? HiddenReason { get; private set; }

    public string? HiddenNote { get; private set; }

    public DateTimeOffset? HiddenAt { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int WordCount { get; private set; }

    /// <summary>Private random salt: the public record carries SHA-256(salt + author id) for a
    /// contributor who did not consent, so the identity is committed without being revealed.</summary>
    public string IdentitySalt { get; private set; }

    public IReadOnlyList<ContributionVersion> Versions => versions;

    public ContributionVersion Current => versions.MaxBy(v => v.Number)!;

    public bool IsHidden => HiddenReason is not null;

    public string IdentityCommitment => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(IdentitySalt + ":" + AuthorId)));

    public static Contribution Submit(Consultation consultation, int number, Actor author, StakeholderGroup group, string language, bool consent,
        IReadOnlyList<Answer> answers, DateTimeOffset now, ConsultativeStatus ecosocStatus = ConsultativeStatus.None)
    {
        var contribution = new Contribution
        {
            Id = Guid.CreateVersion7(now),
            ConsultationId = consultation.Id,
            Number = number,
            EcosocStatus = ecosocStatus,
            AuthorId = author.PersonId!.Value,
            AuthorName = author.DisplayName,
            Group = group,
            MemberStateCode = author.Role == Role.Delegate ? author.MemberStateCode : null,
            OrganizationId = author.OrganizationId,
            Language = language,
            ConsentToCite = consent,
            Status = ContributionStatus.Active,
            SubmittedAt = now,
            IdentitySalt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
        contribution.AddVersion(answers, language, now);
        return contribution;
    }

    public Result<ContributionVersion> Edit(Consultation consultation, Guid editorId, IReadOnlyList<Answer> answers, string language, bool consent, DateTimeOffset now)
    {
        if (ChangeableBy(editorId, consultation, now) is { } refused) return refused;
        ConsentToCite = consent;
        Language = language;
        return AddVersion(answers, language, now);
    }

    public Result<Contribution> Withdraw(Consultation consultation, Guid personId, DateTimeOffset now)
    {
        if (ChangeableBy(personId, consultation, now) is { } refused) return refused;
        Status = ContributionStatus.Withdrawn;
        UpdatedAt = now;
        return this;
    }

    /// <summary>Who may change a contribution (edit it, withdraw it, add a file), and until when: its
    /// author, while it is not withdrawn, until the consultation closes. Null when they may.</summary>
    public Error? ChangeableBy(Guid personId, Consultation consultation, DateTimeOffset now)
    {
        if (personId != AuthorId) return new ContributionNotYours();
        if (Status == ContributionStatus.Withdrawn) return new ContributionWithdrawn();
        return consultation.AcceptsChangesAt(now);
    }

    /// <summary>Whether <paramref name="viewer"/> may read what it says (answers, files): anyone unless it is
    /// hidden, then only the secretariat and the author.</summary>
    public bool IsVisibleTo(Actor viewer) => !IsHidden || PublicAttribution.SeesAuthor(viewer, this);

    /// <summary>Moderation hides, with a recorded reason; it never deletes.</summary>
    public Result<Contribution> Hide(ModerationReason reason, string? note, DateTimeOffset now)
    {
        if (note is { Length: > HiddenNoteMaxLength }) return new Validation().MaxLength("Note", note, HiddenNoteMaxLength).ToError();
        if (IsHidden) return new ContributionAlreadyHidden();
        HiddenReason = reason;
        HiddenNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        HiddenAt = now;
        return this;
    }

    /// <summary>Appends an event of this contribution: under the author's name with consent, else under a
    /// commitment to the identity (a salted hash) that names only the group.</summary>
    public void AppendTo(PublicRecord record, Actor actor, string action, object payload)
    {
        if (ConsentToCite) record.Append(actor, action, "contribution", Id.ToString(), payload);
        else record.AppendWithoutIdentity(actor, IdentityCommitment, action, "contribution", Id.ToString(), payload);
    }

    /// <summary>Appends the current version (submitted, edited, withdrawn): what the record keeps of a contribution
    /// is its attribution (by consent) and a hash of its text, so the record stays publishable even before moderation.</summary>
    public void AppendVersionTo(PublicRecord record, Actor actor, string action, IReadOnlyList<ContributionAttachment>? attachments = null)
        => AppendTo(record, actor, action, new
        {
            contributionId = Id,
            consultationId = ConsultationId,
            number = Number,
            attachments = (attachments ?? []).Select(a => new { attachmentId = a.Id, fileName = a.FileName, mediaType = a.MediaType, size = a.Size, sha256 = a.Sha256 }).ToArray(),
            version = versions.Count,
            stakeholderGroup = Group.ToCode(),
            memberState = MemberStateCode,
            language = Language,
            consentToCite = ConsentToCite,
            words = WordCount,
            answersSha256 = HashOf(Current.Answers),
        });

    /// <summary>SHA-256 of the answers' canonical JSON: what the record commits to.</summary>
    public static string HashOf(IReadOnlyList<Answer> answers)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(answers))));

    public static int CountWords(IEnumerable<Answer> answers)
        => answers.Sum(a => a.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length
                            // Chinese has no spaces between words: count its characters as words.
                            + a.Text.Count(c => c is >= '\u4e00' and <= '\u9fff'));

    private ContributionVersion AddVersion(IReadOnlyList<Answer> answers, string language, DateTimeOffset now)
    {
        var version = new ContributionVersion(Id, versions.Count + 1, language, answers, now);
        versions.Add(version);
        WordCount = CountWords(answers);
        UpdatedAt = now;
        return version;
    }
}

/// <summary>One version of a contribution's answers; every edit adds one, none is overwritten.</summary>
public sealed class ContributionVersion
{
    private ContributionVersion()
    {
        Language = null!;
        Answers = null!;
    }

    internal ContributionVersion(Guid contributionId, int number, string language, IReadOnlyList<Answer> answers, DateTimeOffset at)
    {
        ContributionId = contributionId;
        Number = number;
        Language = language;
        Answers = answers;
        SubmittedAt = at;
    }

    public Guid ContributionId { get; private set; }

    public int Number { get; private set; }

    public string Language { get; private set; }

    public IReadOnlyList<Answer> Answers { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
}
