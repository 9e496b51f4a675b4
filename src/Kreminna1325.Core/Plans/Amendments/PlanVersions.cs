using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans.Amendments;

/// <summary>
/// The one home of "a version of the plan": the amendments in the order they were recorded, and for a version its
/// planned amounts and the printed totals that belong to it. A version's amounts are the adopted ones overlaid by
/// each amendment's up to it; its printed totals likewise. The current plan is the live funding lines (so an amount
/// changed outside any amendment shows, and is reconciled against the latest printed totals).
/// </summary>
public sealed class PlanVersions(IDbContextFactory<AppDbContext> dbFactory, PlanQueries plans)
{
    public async Task<IReadOnlyList<AmendmentView>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreatePublicAsync(ct);
        return await ListAsync(db, planId, ct);
    }

    /// <summary>The plan's measures with the version's amounts; null when there is no such plan or amendment of it.</summary>
    public async Task<PlanView?> GetPlanAsync(int planId, PlanVersion version, CancellationToken ct = default)
    {
        var plan = await plans.GetAsync(planId, ct);
        if (plan is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreatePublicAsync(ct);
        var data = await ReadAsync(db, planId, version, ct);
        if (data is null)
        {
            return null;
        }

        if (data.Amounts is not { } amounts)
        {
            return plan;
        }

        var byMeasure = amounts.ToLookup(a => a.MeasureId);
        return plan with
        {
            Directions = [.. plan.Directions.Select(d => d with
            {
                Measures = [.. d.Measures.Select(m => m with
                {
                    Funding = m.Funding with
                    {
                        Lines = [.. byMeasure[m.Id].OrderBy(a => a.Source).ThenBy(a => a.Year).Select(a => new FundingLineView(a.Source, a.Year, a.Amount))],
                    },
                })],
            })],
        };
    }

    /// <summary>
    /// The current plan, to record an amendment of: for a person who edits plans, and only a plan of the community they work
    /// in (the public door reads any community's plan; amending is for its own community's staff). Null otherwise.
    /// </summary>
    public async Task<PlanView?> GetToAmendAsync(ClaimsPrincipal user, int planId, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        await using (var db = await dbFactory.CreateForAsync(user, ct))
        {
            if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
            {
                return null;
            }
        }

        return await GetPlanAsync(planId, PlanVersion.Current, ct);
    }

    internal static Task<List<AmendmentView>> ListAsync(AppDbContext db, int planId, CancellationToken ct) =>
        db.PlanAmendments.AsNoTracking()
            .Where(a => a.PlanId == planId)
            .OrderBy(a => a.Id)
            .Select(a => new AmendmentView(a.Id, a.Number, a.DecidedOn, a.Title,
                a.Scan == null ? null : new AmendmentScanView(a.Scan.FileName, a.Scan.ContentType, a.Scan.Size)))
            .ToListAsync(ct);

    /// <summary>
    /// What a version consists of; null when the version names an amendment the plan does not have. Amounts are
    /// null where the version is the live funding lines: the current plan, and the adopted one before any amendment.
    /// </summary>
    internal static async Task<VersionData?> ReadAsync(AppDbContext db, int planId, PlanVersion version, CancellationToken ct)
    {
        var amendments = await ListAsync(db, planId, ct);
        AmendmentView? amendment = null;
        if (version.Kind == PlanVersionKind.Amendment && (amendment = amendments.FirstOrDefault(a => a.Id == version.AmendmentId)) is null)
        {
            return null;
        }

        // Amendments apply in the order they were recorded, which is the order the live lines were changed in.
        int? upTo = version.Kind switch
        {
            PlanVersionKind.Adopted => 0,
            PlanVersionKind.Amendment => amendment!.Id,
            _ => null,
        };
        var printed = (await db.PrintedTotals.AsNoTracking()
                .Where(t => t.PlanId == planId && (t.AmendmentId == null || upTo == null || t.AmendmentId <= upTo))
                .Select(t => new VersionPrinted(t.DirectionId, t.Source, t.Year, t.Amount, t.AmendmentId ?? 0))
                .ToListAsync(ct))
            .GroupBy(t => (t.DirectionId, t.Source, t.Year))
            .Select(g => g.MaxBy(t => t.Of)!)
            .ToList();

        List<VersionLine>? amounts = null;
        if (upTo is not null && amendments.Count > 0)
        {
            amounts = (await db.VersionAmounts.AsNoTracking()
                    .Where(v => v.PlanId == planId && (v.AmendmentId == null || v.AmendmentId <= upTo))
                    .Select(v => new { Line = new VersionLine(v.MeasureId, v.DirectionId, v.Source, v.Year, v.Amount), Of = v.AmendmentId ?? 0 })
                    .ToListAsync(ct))
                .GroupBy(v => (v.Line.MeasureId, v.Line.Source, v.Line.Year))
                .Select(g => g.MaxBy(v => v.Of)!.Line)
                .ToList();
        }

        return new VersionData(new BudgetVersionInfo(version.Kind, amendment?.Id, amendment?.Number, amendment?.DecidedOn), amounts, printed);
    }
}

/// <summary>Which version a budget is of, with the decision's number and date when it is an amendment.</summary>
public sealed record BudgetVersionInfo(PlanVersionKind Kind, int? AmendmentId, string? Number, DateOnly? DecidedOn);

internal sealed record VersionData(BudgetVersionInfo Info, IReadOnlyList<VersionLine>? Amounts, IReadOnlyList<VersionPrinted> Printed);

internal sealed record VersionLine(int MeasureId, int DirectionId, FundingSource Source, int Year, decimal Amount);

/// <summary>A printed total of a version; <see cref="Of"/> is the amendment that stated it, 0 for the adopted document.</summary>
internal sealed record VersionPrinted(int? DirectionId, FundingSource Source, int Year, decimal Amount, int Of);
