using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Accounts;
using Kreminna1325.Web.Communities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Web.Monitoring;

/// <summary>
/// A few reports of each demo community's official, reviewed by its staff member, so a newcomer sees a living
/// plan. Entered through the same services as a person's, then marked as demo data. Local mode only.
/// So the workflow tells people of them as of a person's: the demo official finds her reviewed reports in the bell
/// and in the local mail server, the demo staff member the submissions, which shows newcomers what notifications are.
/// </summary>
public sealed class DemoReports(
    IDbContextFactory<AppDbContext> dbFactory,
    ReportService reports,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals,
    ILogger<DemoReports> logger)
{
    /// <summary>Each demo community's reports, unless that community has reports already.</summary>
    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var demo in DemoCommunities.All)
        {
            await SeedAsync(demo, ct);
        }
    }

    private async Task SeedAsync(DemoCommunity demo, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var place = await db.Plans.Where(p => p.CommunityId == db.Communities.Where(c => c.Code == demo.Community.Code).Select(c => c.Id).FirstOrDefault())
            .OrderBy(p => p.Id).Select(p => new { p.CommunityId, PlanId = p.Id }).FirstOrDefaultAsync(ct);
        if (place is null || await db.Reports.AnyAsync(r => r.CommunityId == place.CommunityId, ct))
        {
            return;
        }

        var official = await PrincipalAsync(demo.Email(Roles.ResponsibleOfficial), place.CommunityId);
        var staff = await PrincipalAsync(demo.Email(Roles.CouncilStaff), place.CommunityId);
        if (official is null || staff is null)
        {
            return;
        }

        var entered = new List<int>();
        var y = 2020 + demo.YearShift;
        async Task EnterAsync(string direction, int number, int year, int sequence, ReportStatus target, Action<ReportForm> fill)
        {
            if (await ReportAsync(db, place.PlanId, official, staff, direction, number, year, sequence, target, fill, ct) is { } id)
            {
                entered.Add(id);
            }
        }

        // I.4 trainings: the first year approved quarter by quarter; the second year's Q1 waiting for review.
        int[] women = demo.YearShift == 0 ? [18, 22, 15, 26] : [12, 17, 20, 14];
        int[] men = demo.YearShift == 0 ? [9, 11, 7, 12] : [6, 8, 13, 5];
        for (var q = 1; q <= 4; q++)
        {
            var (w, m, events) = (women[q - 1], men[q - 1], 1 + q % 2);
            await EnterAsync("I", 4, y, q, ReportStatus.Approved, form => Training(form, demo, events, w, m));
        }

        await EnterAsync("I", 4, y + 1, 1, ReportStatus.Submitted, form => Training(form, demo, 2, 24 - 4 * demo.YearShift, 10));

        // III.4, the "16 Days of Activism" campaign, November–December of the first year: approved.
        await EnterAsync("III", 4, y, 11, ReportStatus.Approved, form =>
        {
            form.Implementation = ImplementationStatus.Done;
            form.Narrative = "Кампанію «16 днів проти насильства» проведено за затвердженим планом: акції в школах, бібліотеці й ЦНАП.";
            Set(form, IndicatorKind.Presence, v => { v.Present = true; v.DocumentReference = $"Розпорядження міського голови № {245 - 100 * demo.YearShift} від 10.11.{y}"; });
            SetCount(form, 0, 6 - demo.YearShift);
            SetPeople(form, 134 - 40 * demo.YearShift, 92 - 30 * demo.YearShift, 42 - 10 * demo.YearShift);
            Spend(form, FundingSource.Local, 2.0m - 0.5m * demo.YearShift);
        });

        // III.5, trainings for media: returned with a comment; III.3 in draft.
        await EnterAsync("III", 5, y + 1, 1, ReportStatus.Returned, form =>
        {
            form.Implementation = ImplementationStatus.InProgress;
            form.Narrative = "Тренінг для місцевих ЗМІ проведено 18 березня.";
            SetCount(form, 0, 1);
            SetPeople(form, 12, 8, 4);
            SetCount(form, 2, 3);
        });
        await EnterAsync("III", 3, y + 1, 2, ReportStatus.Draft, form =>
        {
            form.Narrative = "Готуємо зустріч з ініціативною групою жінок-ВПО.";
            SetCount(form, 0, 1);
        });

        // Through the tracked context, so marking them is in the audit trail like everything else; only what was entered here.
        foreach (var report in await db.Reports.Where(r => entered.Contains(r.Id)).ToListAsync(ct))
        {
            report.IsDemo = true;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo reports entered for the demo official of {Community} (local mode only)", demo.Community.Name);
    }

    /// <summary>Enters one report of the plan as the official and takes it to the target state as the staff member; returns its id.</summary>
    private async Task<int?> ReportAsync(
        AppDbContext db, int planId, ClaimsPrincipal official, ClaimsPrincipal staff, string direction, int number, int year, int sequence,
        ReportStatus target, Action<ReportForm> fill, CancellationToken ct)
    {
        var periodId = await db.ReportingPeriods
            .Where(p => p.Measure.Direction.PlanId == planId && p.Measure.Direction.Number == direction && p.Measure.Number == number && p.Year == year && p.Sequence == sequence && !p.IsOrphaned)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (periodId is null || await reports.LoadAsync(official, periodId.Value, ct) is not { } view)
        {
            return null;
        }

        fill(view.Form);
        var result = target == ReportStatus.Draft
            ? await reports.SaveDraftAsync(official, view.Form, ct)
            : await reports.SubmitAsync(official, view.Form, ct);
        if (!result.Saved)
        {
            logger.LogWarning("Demo report {Direction}.{Number} {Year}/{Sequence} not entered: {Message}", direction, number, year, sequence, result.Message);
            return null;
        }

        var form = result.Current!;
        if (target == ReportStatus.Approved)
        {
            await reports.ApproveAsync(staff, form.ReportId, form.Version, ct);
        }
        else if (target == ReportStatus.Returned)
        {
            await reports.ReturnAsync(staff, form.ReportId, form.Version, "Додайте, будь ласка, перелік видань, що взяли участь, і розбивку учасників за статтю.", ct);
        }

        return form.ReportId;
    }

    private static void Training(ReportForm form, DemoCommunity demo, int events, int women, int men)
    {
        form.Implementation = ImplementationStatus.Done;
        form.Narrative = $"Проведено навчань: {events}. Теми: гендерно-чутливі послуги, протидія булінгу.";
        SetCount(form, 0, events);
        Set(form, IndicatorKind.List, v => v.Entries = [.. demo.Participants]);
        SetPeople(form, women + men, women, men);
        Spend(form, FundingSource.Other, 1.5m);
    }

    private static void SetCount(ReportForm form, int index, int value)
    {
        var counts = form.Values.Where(v => v.Kind == IndicatorKind.Count).ToList();
        if (index < counts.Count && counts[index].Requested.Count == 0)
        {
            counts[index].Number = value;
        }
    }

    /// <summary>The first count asked for by sex gets the people reached, split by sex (and "none"/"city" where asked more).</summary>
    private static void SetPeople(ReportForm form, int total, int women, int men)
    {
        var value = form.Values.FirstOrDefault(v => v.Kind == IndicatorKind.Count && v.Requested.Contains(Disaggregation.Sex));
        if (value is null)
        {
            return;
        }

        value.Number = total;
        value.Breakdown[Disaggregation.Sex]["women"] = women;
        value.Breakdown[Disaggregation.Sex]["men"] = men;
        foreach (var (dimension, cells) in value.Breakdown.Where(b => b.Key != Disaggregation.Sex))
        {
            foreach (var key in cells.Keys.ToList())
            {
                cells[key] = 0;
            }

            cells[dimension switch
            {
                Disaggregation.Age => "35-59",
                Disaggregation.PlaceOfResidence => "city",
                _ => "none",
            }] = total;
        }
    }

    private static void Set(ReportForm form, IndicatorKind kind, Action<ValueForm> set)
    {
        if (form.Values.FirstOrDefault(v => v.Kind == kind) is { } value)
        {
            set(value);
        }
    }

    private static void Spend(ReportForm form, FundingSource source, decimal amount)
    {
        if (form.Spending.FirstOrDefault(s => s.Source == source) is { } line)
        {
            line.Amount = amount;
        }
    }

    /// <summary>The demo person as they act in the community being seeded, as a request of theirs there would see them.</summary>
    private async Task<ClaimsPrincipal?> PrincipalAsync(string email, int communityId) =>
        await users.FindByEmailAsync(email) is { } user ? CommunityRoles.InCommunity(await principals.CreateAsync(user), communityId) : null;
}
