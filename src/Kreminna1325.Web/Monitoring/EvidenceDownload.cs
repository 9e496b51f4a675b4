using System.Globalization;
using System.Security.Claims;
using System.Text;
using Kreminna1325.Core.Monitoring;

namespace Kreminna1325.Web.Monitoring;

public static class EvidenceDownload
{
    /// <summary>Evidence files for signed-in users only, always as a download, never rendered in the app's origin.</summary>
    public static void MapEvidenceDownload(this WebApplication app) =>
        app.MapGet("/evidence/{id:int}", async (int id, ClaimsPrincipal user, EvidenceFiles files, CancellationToken ct) =>
                await files.GetAsync(user, id, ct) is { } file
                    ? Results.File(file.Content, file.ContentType, DownloadName(file.FileName), entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""))
                    : Results.NotFound())
            .RequireAuthorization()
            .ExcludeFromDescription();

    /// <summary>
    /// The name the browser offers to save the file as. A stored name is whatever the uploader's machine
    /// called the file: control and invisible format characters (a bidi override makes "fdp.exe" read
    /// "exe.pdf") are dropped, and characters that mean something in a header or a path become "_".
    /// </summary>
    public static string DownloadName(string stored)
    {
        var name = new StringBuilder(stored.Length);
        foreach (var c in stored)
        {
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            name.Append(c is '"' or '\\' or '/' or ':' or ';' or '*' or '?' or '<' or '>' or '|' ? '_' : c);
        }

        var result = name.ToString().Trim(' ', '.');
        return result.Length == 0 ? "evidence" : result;
    }
}
