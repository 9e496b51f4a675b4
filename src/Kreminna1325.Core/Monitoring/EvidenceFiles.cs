using System.Security.Claims;
using System.Security.Cryptography;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans.Editing;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Monitoring;

/// <summary>Evidence files of reports: PDF, DOCX, XLSX, JPG or PNG up to 10 MB, recognised by their content.</summary>
public sealed class EvidenceFiles(IDbContextFactory<AppDbContext> dbFactory, MeasureAccess access, TimeProvider clock)
{
    public sealed record StoredFile(string FileName, string ContentType, byte[] Content, string Sha256);

    public async Task<EditResult<EvidenceInfo>> UploadAsync(ClaimsPrincipal user, int reportId, string fileName, Stream content, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return EditResult<EvidenceInfo>.Fail(EditOutcome.NotFound, Messages.Get("Report.NotFound"));
        }

        if (!await access.CanReportForMeasureAsync(user, report.MeasureId, ct))
        {
            throw new ForbiddenException("Only officials of the measure's responsible bodies add evidence.");
        }

        if (report.EditRefusal is { } refusal)
        {
            return EditResult<EvidenceInfo>.Fail(EditOutcome.Invalid, refusal);
        }

        var name = EvidenceNames.Clean(fileName);

        // Read one byte past the limit, so a file that is too large is known without trusting its declared size.
        var bytes = await ReadAtMostAsync(content, Evidence.MaxBytes + 1, ct);
        if (bytes.Length > Evidence.MaxBytes)
        {
            return EditResult<EvidenceInfo>.Fail(EditOutcome.Invalid, Messages.Get("Evidence.TooLarge", name));
        }

        if (bytes.Length == 0)
        {
            return EditResult<EvidenceInfo>.Fail(EditOutcome.Invalid, Messages.Get("Evidence.Empty", name));
        }

        var check = EvidenceFormats.Inspect(bytes);
        if (check.ContentType is not { } type)
        {
            return EditResult<EvidenceInfo>.Fail(EditOutcome.Invalid, Messages.Get($"Evidence.{check.Problem switch
            {
                EvidenceProblem.Macros => "Macros",
                EvidenceProblem.Expands => "Expands",
                _ => "TypeNotAllowed",
            }}", name));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await StillEditableAsync(db, report.Id, ct) is { } late)
        {
            return EditResult<EvidenceInfo>.Fail(EditOutcome.Invalid, late);
        }

        var evidence = new Evidence
        {
            ReportId = report.Id,
            MeasureId = report.MeasureId,
            FileName = EvidenceNames.Stored(name, type),
            ContentType = type,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedAt = clock.GetUtcNow(),
            UploadedBy = Audit.Actor.Of(user).Name,
        };
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var names = await PersonNames.LoadAsync(db, [evidence.UploadedBy], ct: ct);
        return EditResult<EvidenceInfo>.Ok(new EvidenceInfo(evidence.Id, evidence.FileName, evidence.ContentType, evidence.Size, evidence.Sha256, evidence.UploadedAt, names.Of(evidence.UploadedBy)));
    }

    public async Task<EditResult<EvidenceInfo>> DeleteAsync(ClaimsPrincipal user, int evidenceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var evidence = await db.Evidence.Include(e => e.Report).SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
        if (evidence is null)
        {
            return EditResult<EvidenceInfo>.Fail(EditOutcome.NotFound, Messages.Get("Report.NotFound"));
        }

        if (!await access.CanReportForMeasureAsync(user, evidence.MeasureId, ct))
        {
            throw new ForbiddenException("Only officials of the measure's responsible bodies remove evidence.");
        }

        if (evidence.Report.EditRefusal is { } refusal)
        {
            return EditResult<EvidenceInfo>.Fail(EditOutcome.Invalid, refusal);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await StillEditableAsync(db, evidence.ReportId, ct) is { } late)
        {
            return EditResult<EvidenceInfo>.Fail(EditOutcome.Invalid, late);
        }

        db.Evidence.Remove(evidence);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EditResult<EvidenceInfo>.Ok(new EvidenceInfo(evidence.Id, evidence.FileName, evidence.ContentType, evidence.Size, evidence.Sha256, evidence.UploadedAt, evidence.UploadedBy));
    }

    /// <summary>For those who may read the measure's reports (<see cref="MeasureAccess.CanReadReportsAsync"/>); null when there is no such file.</summary>
    public async Task<StoredFile?> GetAsync(ClaimsPrincipal user, int evidenceId, CancellationToken ct = default)
    {
        MeasureAccess.DemandReadsSomeReports(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var measureId = await db.Evidence.Where(e => e.Id == evidenceId).Select(e => (int?)e.MeasureId).SingleOrDefaultAsync(ct);
        if (measureId is null)
        {
            return null;
        }

        await access.DemandReadReportsAsync(user, measureId.Value, ct);
        return await db.Evidence.AsNoTracking().Where(e => e.Id == evidenceId)
            .Select(e => new StoredFile(e.FileName, e.ContentType, e.Content, e.Sha256))
            .SingleOrDefaultAsync(ct);
    }

    internal static async Task<byte[]> ReadAtMostAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Locks the report's row for the rest of the transaction and asks its editable rule again, so a submit or an
    /// approval that landed since the first check refuses the file instead of changing a report already in review.
    /// </summary>
    private static async Task<string?> StillEditableAsync(AppDbContext db, int reportId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM reports WHERE id = {reportId} FOR UPDATE", ct);
        return Report.EditRefusalIn(await db.Reports.Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync(ct));
    }
}
