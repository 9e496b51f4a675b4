using System.Security.Claims;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Core.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// A new plan from the plan's workbook: a dry run that shows what would be created and every problem, and, when the
/// person confirms a file with no problems, the plan written in one audited transaction with its reporting periods.
/// </summary>
public sealed class PlanImporter(IDbContextFactory<AppDbContext> dbFactory, IValidator<PlanForm> planValidator, ILogger<PlanImporter> logger)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public async Task<PlanImportResult> ImportAsync(
        ClaimsPrincipal user, Stream file, PlanImportRequest request, PlanSheetText text, bool confirm, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        if (await ReadCappedAsync(file, ct) is not { } bytes)
        {
            return new PlanImportResult(PlanImportOutcome.TooLarge, null, null);
        }

        var problems = new PlanImportProblems();
        var form = new PlanForm { Title = request.Title ?? "", Municipality = request.Municipality ?? "", StartYear = request.StartYear, EndYear = request.EndYear };
        foreach (var error in (await planValidator.ValidateAsync(form, ct)).Errors)
        {
            problems.File("Import.Field", error.ErrorMessage);
        }

        var communityId = Communities.CommunityClaims.Demand(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var (title, municipality) = (form.Title.Trim(), form.Municipality.Trim());
        // The context holds only the caller's community's plans and bodies: a title is unique there, and the registry is its.
        if (await db.Plans.AnyAsync(p => p.Municipality == municipality && p.Title == title, ct))
        {
            problems.File("Import.Field", Messages.Get("Plan.DuplicateTitle", title));
        }

        // The workbook is parsed off the caller's thread: a page's circuit stays responsive while a large file is read.
        var read = await Task.Run(() => PlanImportReader.Read(bytes, text, request.StartYear, request.EndYear, problems), ct);
        if (read is null)
        {
            return Refused(request, problems);
        }

        var registry = await db.ResponsibleBodies.ToListAsync(ct);
        var bodies = new PlanImportBodies(registry, read.Bodies, read.Draft.Bodies);
        var document = new PlanDocument(municipality, null, title, request.StartYear, request.EndYear, ReportingCadence.Quarterly,
            [], read.Draft.Directions, read.Draft.PlanTotals);
        ApplyReconciliation(document, read.Reconciliation, problems);
        CheckMeasures(document, bodies, problems);
        var entities = bodies.Entities();
        var plan = problems.Any ? null : PlanBuilder.Build(document, entities);
        if (plan is not null)
        {
            ApplyIndicators(plan, read.Indicators);
        }

        var preview = PlanImportSummary.Of(form, document, plan, read.Draft.Bodies, bodies, problems.All);
        if (!confirm || plan is null)
        {
            return new PlanImportResult(PlanImportOutcome.Previewed, preview, null);
        }

        plan.CommunityId = communityId;
        foreach (var body in entities.Values.Where(b => b.Id == 0))
        {
            body.CommunityId = communityId;
        }

        db.Plans.Add(plan);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await Monitoring.PeriodSync.SyncPlanAsync(db, plan.Id, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Imported plan {PlanId} {Title} ({Municipality}): {Measures} measures, {NewBodies} new bodies",
            plan.Id, plan.Title, plan.Municipality, preview.Measures, preview.NewBodies);
        return new PlanImportResult(PlanImportOutcome.Imported, preview, plan.Id);
    }

    private static PlanImportResult Refused(PlanImportRequest request, PlanImportProblems problems) =>
        new(PlanImportOutcome.Previewed, new PlanImportPreview(request.Title ?? "", request.Municipality ?? "", request.StartYear, request.EndYear,
            0, 0, 0, 0, [], [], [], [], [], [], problems.All), null);

    /// <summary>Sheet "Звірка" overrides the total rows: its printed figure, or none where the document printed none.</summary>
    private static void ApplyReconciliation(PlanDocument document, List<ImportPrinted> printed, PlanImportProblems problems)
    {
        foreach (var p in printed)
        {
            var totals = p.Direction is null ? document.PrintedTotals : document.Directions.FirstOrDefault(d => d.Number == p.Direction)?.PrintedTotals;
            if (totals is null)
            {
                problems.Sheet(PlanSheet.ReconciliationSheetName, "Import.UnknownDirection", p.Direction!);
                continue;
            }

            totals.RemoveAll(t => t.Source == p.Source && t.Year == p.Year);
            if (p.Amount is { } amount)
            {
                totals.Add(new PrintedTotalDocument(null, p.Source, p.Year, amount));
            }
        }
    }

    /// <summary>The measure editor's limits, and one body named once per measure even when spelt two ways.</summary>
    private static void CheckMeasures(PlanDocument document, PlanImportBodies bodies, PlanImportProblems problems)
    {
        foreach (var direction in document.Directions)
        {
            foreach (var m in direction.Measures)
            {
                var where = $"{direction.Number}.{m.Number}";
                if (m.Responsible.Count > MeasureFormValidator.MaxResponsibleBodies)
                {
                    problems.Sheet(PlanSheet.PlanSheetName, "Import.InMeasure", where, Messages.Get("Measure.TooManyBodies", MeasureFormValidator.MaxResponsibleBodies, m.Responsible.Count));
                }

                if (m.Indicators.Count > MeasureFormValidator.MaxIndicators)
                {
                    problems.Sheet(PlanSheet.PlanSheetName, "Import.InMeasure", where, Messages.Get("Measure.TooManyIndicators", MeasureFormValidator.MaxIndicators, m.Indicators.Count));
                }

                var same = m.Responsible.GroupBy(r => bodies.Resolve(r.Body)).FirstOrDefault(g => g.Count() > 1);
                if (same is not null)
                {
                    problems.Sheet(PlanSheet.PlanSheetName, "Import.InMeasure", where, Messages.Get("Measure.BodyDuplicate", same.Key.Name));
                }
            }
        }
    }

    private static void ApplyIndicators(Plan plan, Dictionary<(string Direction, int Measure, int Position), ImportIndicator> kinds)
    {
        foreach (var direction in plan.Directions)
        {
            foreach (var measure in direction.Measures)
            {
                foreach (var indicator in measure.Indicators)
                {
                    if (kinds.TryGetValue((direction.Number, measure.Number, indicator.Position), out var given))
                    {
                        indicator.Kind = given.Kind;
                        indicator.Disaggregations = [.. given.Disaggregations.Distinct()];
                    }
                }
            }
        }
    }

    /// <summary>The upload, or null when it is larger than an import may be (a chunked body has no length to check beforehand).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
