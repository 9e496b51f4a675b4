using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Monitoring;

namespace Kreminna1325.Web.Monitoring;

public static class EvidenceDownload
{
    /// <summary>
    /// Evidence files for those who may read the measure's reports (the service decides), always as a
    /// download, never rendered in the app's origin.
    /// </summary>
    public static void MapEvidenceDownload(this WebApplication app) =>
        app.MapGet("/evidence/{id:int}", async (int id, ClaimsPrincipal user, EvidenceFiles files, CancellationToken ct) =>
            {
                try
                {
                    return await files.GetAsync(user, id, ct) is { } file
                        ? Results.File(file.Content, file.ContentType, DownloadName(file.FileName), entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""))
                        : Results.NotFound();
                }
                catch (ForbiddenException)
                {
                    return Results.Forbid();
                }
            })
            .RequireAuthorization()
            .ExcludeFromDescription();

    /// <summary>
    /// The name the browser offers to save the file as: the stored name cleaned by the one rule for file
    /// names (<see cref="EvidenceNames.Clean"/>; rows stored before it may hold anything), and characters
    /// that mean something in a header or a path made "_".
    /// </summary>
    public static string DownloadName(string stored)
    {
        var name = EvidenceNames.Clean(stored).Select(c => c is '"' or '\\' or ':' or ';' or '*' or '?' or '<' or '>' or '|' ? '_' : c);
        return new string(name.ToArray()).TrimStart('.', ' ');
    }
}
