using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Web.Monitoring;

/// <summary>
/// A few reports of the demo official, reviewed by the demo staff member, so a newcomer sees a living
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
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Reports.AnyAsync(ct))
        {
            return;
        }

        var official = await PrincipalAsync("official@kreminna.local");
        var staff = await PrincipalAsync("staff@kreminna.local");
        if (official is null || staff is null)
        {
            return;
        }

        // I.4 trainings: 2020 approved quarter by quarter; 2021 Q1 waiting for review.
        int[] women = [18, 22, 15, 26];
        int[] men = [9, 11, 7, 12];
        for (var q = 1; q <= 4; q++)
        {
            await ReportAsync(db, official, staff, "I", 4, 2020, q, ReportStatus.Approved, form => Training(form, 1 + q % 2, women[q - 1], men[q - 1]), ct);
        }

        await ReportAsync(db, official, staff, "I", 4, 2021, 1, ReportStatus.Submitted, form => Training(form, 2, 24, 10), ct);

        // III.4, the "16 Days of Activism" campaign, November–December 2020: approved.
        await ReportAsync(db, official, staff, "III", 4, 2020, 11, ReportStatus.Approved, form =>
        {
            form.Implementation = ImplementationStatus.Done;
            form.Narrative = "Кампанію «16 днів проти насильства» проведено за затвердженим планом: акції в школах, бібліотеці й ЦНАП.";
            Set(form, IndicatorKind.Presence, v => { v.Present = true; v.DocumentReference = "Розпорядження міського голови № 245 від 10.11.2020"; });
            SetCount(form, 0, 6);
            SetPeople(form, 134, 92, 42);
            Spend(form, FundingSource.Local, 2.0m);
        }, ct);

        // III.5, trainings for media: returned with a comment; III.3 in draft.
        await ReportAsync(db, official, staff, "III", 5, 2021, 1, ReportStatus.Returned, form =>
        {
            form.Implementation = ImplementationStatus.InProgress;
            form.Narrative = "Тренінг для місцевих ЗМІ проведено 18 березня.";
            SetCount(form, 0, 1);
            SetPeople(form, 12, 8, 4);
            SetCount(form, 2, 3);
        }, ct);
        await ReportAsync(db, official, staff, "III", 3, 2021, 2, ReportStatus.Draft, form =>
        {
            form.Narrative = "Готуємо зустріч з ініціативною групою жінок-ВПО.";
            SetCount(form, 0, 1);
        }, ct);

        // Through the tracked context, so marking them is in the audit trail like everything else.
        foreach (var report in await db.Reports.ToListAsync(ct))
        {
            report.IsDemo = true;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo reports entered for the demo official (local mode only)");
    }

    private async Task ReportAsync(
        AppDbContext db, ClaimsPrincipal official, ClaimsPrincipal staff, string direction, int number, int year, int sequence,
        ReportStatus target, Action<ReportForm> fill, CancellationToken ct)
    {
        var periodId = await db.ReportingPeriods
            .Where(p => p.Measure.Direction.Number == direction && p.Measure.Number == number && p.Year == year && p.Sequence == sequence && !p.IsOrphaned)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (periodId is null || await reports.LoadAsync(official, periodId.Value, ct) is not { } view)
        {
            return;
        }

        fill(view.Form);
        var result = target == ReportStatus.Draft
            ? await reports.SaveDraftAsync(official, view.Form, ct)
            : await reports.SubmitAsync(official, view.Form, ct);
        if (!result.Saved)
        {
            logger.LogWarning("Demo report {Direction}.{Number} {Year}/{Sequence} not entered: {Message}", direction, number, year, sequence, result.Message);
            return;
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
    }

    private static void Training(ReportForm form, int events, int women, int men)
    {
        form.Implementation = ImplementationStatus.Done;
        form.Narrative = $"Проведено навчань: {events}. Теми: гендерно-чутливі послуги, протидія булінгу.";
        SetCount(form, 0, events);
        Set(form, IndicatorKind.List, v => v.Entries = ["Кремінський ЦСССДМ", "Кремінська гімназія № 1", "ГО «Жіноча ініціатива»"]);
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

    /// <summary>The demo person as they act in their (first) community, as a request of theirs would see them.</summary>
    private async Task<ClaimsPrincipal?> PrincipalAsync(string email) =>
        await users.FindByEmailAsync(email) is { } user && await principals.CreateAsync(user) is { } principal
            ? Communities.CommunityRoles.InCommunity(principal, Core.Communities.CommunityClaims.GrantedCommunities(principal) is [var first, ..] ? first : null)
            : null;
}
