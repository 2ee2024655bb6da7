using Ecp.Common;

namespace Ecp.Features.Consultations;

/// <summary>
/// An eligible participant answers an open consultation, by web form or API. Submissions are
/// written in batches by <see cref="ContributionWriter"/> (group commit); the rules are applied
/// by <see cref="ContributionAdmission"/>.
/// </summary>
public sealed class SubmitContribution(ContributionWriter writer, TimeProvider clock)
{
    public sealed record AnswerInput
    {
        public int Question { get; init; }
        public string? Text { get; init; }
        /// <summary>Chosen options, numbered from 1 (single- and multiple-choice questions).</summary>
        public IReadOnlyList<int>? Choices { get; init; }
        /// <summary>1 to 5 (scale questions).</summary>
        public int? Scale { get; init; }
    }

    public sealed record Command
    {
        public IReadOnlyList<AnswerInput>? Answers { get; init; }
        public string? Language { get; init; }
        /// <summary>May the views be cited individually? If not, the public sees only the group.</summary>
        public bool ConsentToCite { get; init; }

        /// <summary>Files from the web form (the API adds them one by one, see AddAttachment).</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public IReadOnlyList<AttachmentUpload>? Attachments { get; init; }

        /// <summary>The answers given, read as answers: blank ones dropped, texts trimmed, choices in order
        /// (whether they answer the consultation is <see cref="Consultation.CheckAnswers"/>).</summary>
        public IReadOnlyList<Answer> ReadAnswers() => (Answers ?? [])
            .Where(a => a is not null && (!string.IsNullOrWhiteSpace(a.Text) || a.Choices is { Count: > 0 } || a.Scale is not null))
            .Select(a => new Answer(a.Question, a.Text?.Trim() ?? "", a.Choices is { Count: > 0 } c ? c.Order().ToList() : null, a.Scale))
            .ToList();
    }

    /// <param name="actor">Who submits. Only who they are counts (their person, or for an API call
    /// the account of the token): their role, group and accreditation are read afresh under the
    /// record's lock when the submission is admitted.</param>
    public async Task<Result<SubmittedContribution>> HandleAsync(Actor actor, Guid consultationId, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated && actor.PersonId is null) return new UnauthenticatedError();
        // The clock decides at the instant of the request: one second late is late, however
        // long the submission then waits for its batch.
        var submission = new ContributionSubmission(actor, consultationId, command.ReadAnswers(), command.Language, command.ConsentToCite,
            command.Attachments ?? [], clock.GetUtcNow());
        return await writer.WriteAsync(submission, ct);
    }
}
