using System.Security.Claims;
using Bunit;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Monitoring;
using Kreminna1325.Web;
using Kreminna1325.Web.Monitoring;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Tests.Components;

/// <summary>
/// The report form tells how to read each breakdown: partitions with their running sum against the
/// total, vulnerability categories with the note that a person may be in several, and no sum.
/// </summary>
public sealed class OverlappingBreakdownFormTests : IClassFixture<ReportingFixture>, IAsyncLifetime
{
    private readonly ReportingFixture f;
    private readonly BunitContext context = new();

    public OverlappingBreakdownFormTests(ReportingFixture fixture)
    {
        f = fixture;
        BunitSetup.Prepare(context);
        context.Services.AddSingleton(f.Reports);
        context.Services.AddSingleton(f.Files);
        context.Services.AddSingleton(f.Access);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(f.CentreOfficial));
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    [Fact]
    public async Task Vulnerability_cells_say_they_may_overlap_and_are_saved_without_adding_up()
    {
        var period = await f.PeriodAsync("IV", 7, 2021, 1);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        var index = form.Values.FindIndex(v => v.Requested.Count == 4);
        var page = context.Render<ReportPage>(p => p.Add(c => c.PeriodId, period));
        page.WaitForAssertion(() => page.Find("[data-action='save-draft']"), TimeSpan.FromSeconds(30));

        var vulnerable = page.Find($"[data-breakdown='{index}-VulnerabilityCategory']");
        Assert.Equal("true", vulnerable.GetAttribute("data-overlapping"));
        Assert.Equal(
            "Одна людина може належати до кількох категорій: кожну категорію рахуйте окремо (не більше загальної кількості), між собою вони не додаються.",
            vulnerable.QuerySelector(".breakdown-hint")!.TextContent.Trim());
        Assert.Equal(vulnerable.QuerySelector(".breakdown-hint")!.Id, vulnerable.GetAttribute("aria-describedby"));
        Assert.Null(vulnerable.QuerySelector(".breakdown-sum"));
        foreach (var partition in new[] { Disaggregation.Sex, Disaggregation.Age, Disaggregation.PlaceOfResidence })
        {
            var fieldset = page.Find($"[data-breakdown='{index}-{partition}']");
            Assert.Equal("false", fieldset.GetAttribute("data-overlapping"));
            Assert.Null(fieldset.QuerySelector(".breakdown-hint"));
            Assert.NotNull(fieldset.QuerySelector(".breakdown-sum"));
        }

        // Ten women, of whom seven displaced and five with a disability: twelve in the categories, and that is right.
        page.Find($"input[data-value='{index}']").Input("10");
        page.Find($"[data-breakdown='{index}-Sex'] input[data-category='women']").Input("10");
        page.Find($"[data-breakdown='{index}-Sex'] input[data-category='men']").Input("0");
        page.Find($"[data-breakdown='{index}-VulnerabilityCategory'] input[data-category='idp']").Input("7");
        page.Find($"[data-breakdown='{index}-VulnerabilityCategory'] input[data-category='disability']").Input("5");
        await page.Find("[data-action='save-draft']").ClickAsync(new());

        Assert.Empty(page.FindAll("#report-error"));
        Assert.Empty(page.FindAll($"[data-breakdown='{index}-VulnerabilityCategory'] [role='alert']"));
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var stored = await db.ValueBreakdowns.AsNoTracking()
                .Where(b => b.IndicatorValue.Report.PeriodId == period && b.Dimension == Disaggregation.VulnerabilityCategory)
                .OrderBy(b => b.Category).Select(b => b.Category + "=" + b.Count).ToListAsync();
            Assert.Equal(["disability=5", "idp=7"], stored);
        }

        // A category above the total is refused at its breakdown, and nothing changes.
        page.Find($"[data-breakdown='{index}-VulnerabilityCategory'] input[data-category='idp']").Input("11");
        await page.Find("[data-action='save-draft']").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("у категорії вказано 11, а всього — 10",
            page.Find($"[data-breakdown='{index}-VulnerabilityCategory'] [role='alert']").TextContent));
    }

    [Fact]
    public void A_reported_value_read_back_says_its_vulnerability_categories_may_overlap()
    {
        var l = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var value = new ValueForm
        {
            Kind = IndicatorKind.Count,
            Number = 10,
            Breakdown = new()
            {
                [Disaggregation.Sex] = new() { ["women"] = 10, ["men"] = 0 },
                [Disaggregation.VulnerabilityCategory] = new() { ["idp"] = 7, ["disability"] = 5, [Breakdowns.None] = 0 },
            },
        };

        Assert.Equal("10 (жінки 10; ВПО 7, особи з інвалідністю 5 — категорії можуть перетинатися)", ReportText.Value(value, l));
    }
}
