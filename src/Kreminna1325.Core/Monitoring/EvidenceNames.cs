using System.Globalization;

namespace Kreminna1325.Core.Monitoring;

/// <summary>The name a file is stored and downloaded under: no folders, no control or bidi characters, and the extension of its detected type.</summary>
public static class EvidenceNames
{
    private const int MaxLength = 255;

    private static readonly Dictionary<string, string[]> Extensions = new()
    {
        [EvidenceFormats.Pdf] = [".pdf"],
        [EvidenceFormats.Png] = [".png"],
        [EvidenceFormats.Jpeg] = [".jpg", ".jpeg"],
        [OfficePackages.Docx] = [".docx"],
        [OfficePackages.Xlsx] = [".xlsx"],
    };

    /// <summary>The name as a person may see it in a message: the last path part, without control and formatting (bidi, zero-width) characters.</summary>
    public static string Clean(string fileName)
    {
        var last = fileName.Replace('\\', '/').Split('/')[^1];
        var kept = last.Where(c => !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c)
            is not (UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)).ToArray();
        var name = new string(kept).Trim().TrimEnd('.', ' ');
        return name.Length == 0 ? "file" : Truncate(name, MaxLength);
    }

    /// <summary>
    /// The clean name ending in the detected type's extension: "photo.JPEG" stays, "report.pdf.exe"
    /// detected as PDF becomes "report.pdf.pdf", and "minutes of 12.03" gets ".pdf" added.
    /// </summary>
    public static string Stored(string fileName, string contentType)
    {
        var name = Clean(fileName);
        var allowed = Extensions[contentType];
        var extension = Path.GetExtension(name);
        var known = allowed.FirstOrDefault(e => e.Equals(extension, StringComparison.OrdinalIgnoreCase));
        var stem = known is not null || LooksLikeAnExtension(extension) ? name[..^extension.Length].TrimEnd('.', ' ') : name;
        var suffix = known ?? allowed[0];
        return (stem.Length == 0 ? "file" : Truncate(stem, MaxLength - suffix.Length)) + suffix;
    }

    private static bool LooksLikeAnExtension(string extension) =>
        extension.Length is >= 2 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit) && extension[1..].Any(char.IsAsciiLetter);

    private static string Truncate(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
