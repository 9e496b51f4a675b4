using System.Security.Claims;
using Kreminna1325.Core.Monitoring;

namespace Kreminna1325.Web.Monitoring;

public static class EvidenceDownload
{
    /// <summary>Evidence files for signed-in users only, always as a download, never rendered in the app's origin.</summary>
    public static void MapEvidenceDownload(this WebApplication app) =>
        app.MapGet("/evidence/{id:int}", async (int id, ClaimsPrincipal user, EvidenceFiles files, CancellationToken ct) =>
                await files.GetAsync(user, id, ct) is { } file
                    ? Results.File(file.Content, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""))
                    : Results.NotFound())
            .RequireAuthorization()
            .ExcludeFromDescription();
}
