using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Ecp.Common;

namespace Ecp.Features.Consultations;

/// <summary>A file sent with a contribution as the browser or client declared it.</summary>
public sealed record AttachmentUpload(string FileName, string? DeclaredType, byte[] Content);

/// <summary>
/// A document attached to a contribution: PDF, DOCX or ODT only, its type established from its
/// content (never its name), stored with its SHA-256 and served only as a download.
/// </summary>
public sealed class ContributionAttachment
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerContribution = 5;

    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Odt = "application/vnd.oasis.opendocument.text";

    private ContributionAttachment()
    {
        FileName = null!;
        MediaType = null!;
        Sha256 = null!;
        Content = null!;
    }

    public Guid Id { get; private set; }

    public Guid ContributionId { get; private set; }

    public string FileName { get; private set; }

    public string MediaType { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The size rule, asked again before a file is read into memory.</summary>
    public static ValidationError? CheckSize(string fileName, long length)
        => length > MaxBytes ? Invalid("Attachment.TooLarge", fileName, MaxBytes / (1024 * 1024)) : null;

    /// <summary>A contribution holds at most <see cref="MaxPerContribution"/> files: the problem when <paramref name="total"/> would be more.</summary>
    public static FieldError? TooMany(int total)
        => total > MaxPerContribution ? new("Attachments", "Attachment.TooMany", MaxPerContribution) : null;

    /// <summary>Checks an upload and, when it is what it claims to be, makes the attachment.</summary>
    public static Result<ContributionAttachment> From(Guid contributionId, AttachmentUpload upload, DateTimeOffset now)
    {
        if (upload.Content.Length == 0) return Invalid("Attachment.Empty", upload.FileName);
        if (CheckSize(upload.FileName, upload.Content.Length) is { } tooLarge) return tooLarge;
        var actual = Sniff(upload.Content);
        if (actual is null) return Invalid("Attachment.TypeNotAllowed", upload.FileName);
        var declared = Declared(upload);
        if (declared != actual) return Invalid("Attachment.TypeMismatch", upload.FileName);
        return new ContributionAttachment
        {
            Id = Guid.CreateVersion7(now),
            ContributionId = contributionId,
            FileName = SafeName(upload.FileName, actual),
            MediaType = actual,
            Size = upload.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)),
            Content = upload.Content,
            UploadedAt = now,
        };
    }

    /// <summary>The type the sender claims: the declared media type, else the file extension.</summary>
    private static string? Declared(AttachmentUpload upload)
    {
        var byType = upload.DeclaredType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            Pdf => Pdf,
            Docx => Docx,
            Odt => Odt,
            _ => null,
        };
        if (byType is not null) return byType;
        return Path.GetExtension(upload.FileName).ToLowerInvariant() switch
        {
            ".pdf" => Pdf,
            ".docx" => Docx,
            ".odt" => Odt,
            _ => null,
        };
    }

    /// <summary>The type by content: a PDF header, or a ZIP holding a Word or OpenDocument text.</summary>
    public static string? Sniff(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8)) return Pdf;
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == Odt && zip.GetEntry("content.xml") is not null ? Odt : null;
            }
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null ? Docx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string SafeName(string name, string mediaType)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        var extension = mediaType switch { Pdf => ".pdf", Docx => ".docx", _ => ".odt" };
        if (clean.Length == 0) clean = "attachment" + extension;
        if (!clean.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) clean += extension;
        return clean.Length > 200 ? clean[^200..] : clean;
    }

    private static ValidationError Invalid(string key, params object[] args) => new Validation().Add("Attachments", key, args).ToError();
}
