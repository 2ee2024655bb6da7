using System.Globalization;
using CsvHelper;

namespace Ecp.Features.Assessments;

/// <summary>
/// A round's results as CSV (RFC 4180, UTF-8): one "group" row per dimension and stakeholder group
/// (count, n1..n5 and median), then one "between-group-gap" row per dimension. Codes, not
/// translated names, so a spreadsheet or a script reads every language's download alike.
/// </summary>
public static class AssessmentCsv
{
    public const string MediaType = "text/csv";

    public static readonly string[] Header =
        ["row", "dimension", "stakeholder_group", "count", "n1", "n2", "n3", "n4", "n5", "median", "between_group_gap", "highest_groups", "lowest_groups"];

    public static byte[] Write(AssessmentResultsView results)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, CsvWriterOptions.Default, true))
        {
            csv.WriteHeader(Header);
            foreach (var d in results.Dimensions)
            {
                foreach (var g in d.Groups)
                {
                    csv.WriteRecord(["group", d.Dimension, g.StakeholderGroup, Number(g.Count), .. g.Distribution.Select(Number), Number(g.Median), "", "", ""]);
                }
            }
            foreach (var d in results.Dimensions)
            {
                csv.WriteRecord([AssessmentResults.DivergenceName, d.Dimension, "", "", "", "", "", "", "", "", Number(d.Gap.Value),
                    string.Join(' ', d.Gap.Highest), string.Join(' ', d.Gap.Lowest)]);
            }
        }
        return output.ToArray();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? x) => x?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
