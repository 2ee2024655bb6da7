using System.Globalization;
using CsvHelper;
using Ecp.Common;

namespace Ecp.Features.Invitations;

/// <summary>
/// Reads the secretariat's list (RFC 4180 CSV, UTF-8; the separator, comma, semicolon or tab, is detected): a header line naming
/// the columns name, email, role, member_state_or_organization and, optionally, language, in any
/// order and any case; then one row per person. Blank lines are skipped.
/// </summary>
public static class InvitationCsv
{
    public const string Field = "File";
    private static readonly string[] Required = ["name", "email", "role", "memberstateororganization"];

    public static Result<IReadOnlyList<InviteParticipants.Row>> Read(Stream input)
    {
        var options = new CsvReaderOptions
        {
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            // The values are people's names and addresses: keep them out of messages and logs.
            IncludeValuesInExceptions = false,
        };
        var rows = new List<InviteParticipants.Row>();
        try
        {
            using var csv = CsvReader.Create(input, options, true);
            // "E-mail", "Member State or organization", "member_state_or_organization": letters only.
            var columns = csv.Headers.Select(Key).ToList();
            if (columns.Count == 0) return new ValidationError([new FieldError(Field, "Invitation.NoRows")]);
            if (Required.Any(r => !columns.Contains(r))) return new ValidationError([new FieldError(Field, "Invitation.CsvHeader")]);
            while (csv.Read())
            {
                string? Get(string name) => columns.IndexOf(name) is var i and >= 0 && i < csv.FieldCount && csv.GetStringOrNull(i) is { Length: > 0 } v ? v : null;
                rows.Add(new InviteParticipants.Row
                {
                    Name = Get("name"),
                    Email = Get("email"),
                    Role = Get("role"),
                    MemberStateOrOrganization = Get("memberstateororganization"),
                    Language = Get("language"),
                    Line = (int)csv.LineNumber,
                });
            }
        }
        catch (CsvFormatException e)
        {
            return new ValidationError([new FieldError(Field, "Invitation.CsvUnreadable", e.LineNumber)]);
        }
        return rows;
    }

    private static string Key(string header) => new(header.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());
}
