using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.Drafts;

public enum AmendmentAction
{
    Replace,
    InsertAfter,
    Delete,
}

public enum AmendmentStatus
{
    Proposed,
    Accepted,
    Rejected,
    /// <summary>Accepted in a text the Chair merged from several proposals.</summary>
    Merged,
}

/// <summary>A track-change proposal against one paragraph of one version, by a participant.</summary>
public sealed class Amendment
{
    public const int TextMaxLength = OutcomeDocument.ParagraphMaxLength;

    private Amendment()
    {
        ParagraphNumber = null!;
        ProponentName = null!;
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    /// <summary>The version it was written against (an amendment to an older version says so).</summary>
    public int VersionNumber { get; private set; }

    public string ParagraphNumber { get; private set; }

    public Guid ParagraphKey { get; private set; }

    public AmendmentAction Action { get; private set; }

    /// <summary>The new text (replace, insert); null for a deletion.</summary>
    public string? ProposedText { get; private set; }

    public string? Explanation { get; private set; }

    public Guid ProponentId { get; private set; }

    public string ProponentName { get; private set; }

    public StakeholderGroup ProponentGroup { get; private set; }

    /// <summary>For a delegate: the Member State they propose for.</summary>
    public string? MemberStateCode { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public AmendmentStatus Status { get; private set; }

    /// <summary>The Chair's text when merging several proposals.</summary>
    public string? MergedText { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public int? IncorporatedInVersion { get; private set; }

    /// <summary>What goes into the next version: the merged text when merged.</summary>
    public string? EffectiveText => Status == AmendmentStatus.Merged ? MergedText : ProposedText;

    /// <summary>The rule of an amendment's text: a replacement or an insertion has one, and a
    /// replacement changes the paragraph. Its messages go to <paramref name="check"/>.</summary>
    public static Validation CheckText(AmendmentAction? action, Paragraph? paragraph, string? text, Validation check)
    {
        if (action is AmendmentAction.Replace or AmendmentAction.InsertAfter && string.IsNullOrWhiteSpace(text))
        {
            check.Add("Text", "Amendment.TextRequired");
        }
        if (action == AmendmentAction.Replace && paragraph is not null && text?.Trim() == paragraph.Text)
        {
            check.Add("Text", "Amendment.NoChange");
        }
        return check;
    }

    public static Result<Amendment> Propose(OutcomeDocument document, Paragraph paragraph, int versionNumber, AmendmentAction action,
        string? text, string? explanation, Actor proponent, StakeholderGroup group, DateTimeOffset now)
    {
        if (CheckText(action, paragraph, text, new Validation()) is { IsValid: false } invalid) return invalid.ToError();
        return new Amendment
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = document.Id,
            VersionNumber = versionNumber,
            ParagraphNumber = paragraph.Number,
            ParagraphKey = paragraph.Key,
            Action = action,
            ProposedText = action == AmendmentAction.Delete ? null : text!.Trim(),
            Explanation = string.IsNullOrWhiteSpace(explanation) ? null : explanation.Trim(),
            ProponentId = proponent.PersonId!.Value,
            ProponentName = proponent.DisplayName,
            ProponentGroup = group,
            MemberStateCode = proponent.Role == Role.Delegate ? proponent.MemberStateCode : null,
            ProposedAt = now,
            Status = AmendmentStatus.Proposed,
        };
    }

    public Result<Amendment> Decide(AmendmentStatus decision, string? reason, string? mergedText, DateTimeOffset now)
    {
        if (Status != AmendmentStatus.Proposed) return new AmendmentAlreadyDecided();
        if (decision == AmendmentStatus.Proposed) throw new ArgumentOutOfRangeException(nameof(decision));
        var errors = new Validation();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("Reason", "Amendment.ReasonRequired");
        if (decision == AmendmentStatus.Merged && Action != AmendmentAction.Delete && string.IsNullOrWhiteSpace(mergedText))
        {
            errors.Add("MergedText", "Amendment.MergedTextRequired");
        }
        if (!errors.IsValid) return errors.ToError();
        Status = decision;
        DecisionReason = reason!.Trim();
        MergedText = decision == AmendmentStatus.Merged ? mergedText?.Trim() : null;
        DecidedAt = now;
        return this;
    }

    internal void IncorporateIn(int versionNumber) => IncorporatedInVersion = versionNumber;
}
