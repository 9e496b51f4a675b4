using System.Text.RegularExpressions;
using Kreminna1325.Core.Communities;
using Kreminna1325.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>The demo as run.sh serves it: Kreminna and Rubizhne, their people, the oblast coordinator and the system administrator.</summary>
public sealed class OnboardingFixture : BrowserFixture
{
    protected override Task<int> ConfigureAsync(Dictionary<string, string?> settings)
    {
        settings[DemoCommunities.SecondCommunityKey] = "true";
        return Task.FromResult(0);
    }
}

/// <summary>
/// Issue 14's onboarding, end to end in Chromium: the system administrator hosts a third community of Luhansk oblast and
/// names its administrator, who signs in with the one-time password, must choose their own, imports a plan and finds it
/// on the community's public page; the oblast coordinator sees every community of the oblast in the roll-up and is
/// refused the editing pages of each. A class (and so a database) of its own: it adds a community and an account.
/// </summary>
public class OnboardingTests(OnboardingFixture fixture) : IClassFixture<OnboardingFixture>
{
    private const float Timeout = 15_000;

    // Svatove, a hromada of Luhansk oblast the demo does not host (katottg-hromadas.tsv).
    private const string Code = "UA44100110000061602";
    private const string Name = "Сватівська міська територіальна громада";
    private const string Slug = "svatove";
    private const string AdminEmail = "admin@svatove.test";
    private const string PlanTitle = "План заходів Сватівської громади з виконання резолюції 1325";

    [Fact]
    public async Task A_new_community_is_onboarded_publishes_its_plan_and_the_oblast_coordinator_reads_it_but_edits_nothing()
    {
        var oneTimePassword = await CreateCommunityAsync();
        var planId = await ImportPlanAsync(oneTimePassword);

        // Anyone finds the imported plan on the community's public page.
        await using (var anonymous = await fixture.Browser.NewContextAsync())
        {
            var page = await anonymous.NewPageAsync();
            var response = await page.GotoAsync($"{fixture.BaseUrl}/c/{Slug}");
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(PlanTitle, new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator(".community-of-plan")).ToHaveTextAsync($"{Name} · {KnownCommunities.LuhanskOblastName}", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("tr.measure-row")).ToHaveCountAsync(28, new() { Timeout = Timeout });
            // The workbook's measures, as the council wrote them.
            await Assertions.Expect(page.Locator("tr.measure-row").First).ToContainTextAsync(Kreminna1325.Core.Seed.BuiltInPlan.Read().Directions[0].Measures[0].Content);
        }

        await CoordinatorReadsAndIsRefusedAsync(planId);
    }

    /// <summary>The system administrator hosts the community and its administrator; the page shows the one-time password once.</summary>
    private async Task<string> CreateCommunityAsync()
    {
        var (context, page) = await fixture.SignInAsync(DemoCommunities.SystemAdministrator.Email, landing: "/admin/communities");
        await using var _ = context;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Громади", new() { Timeout = Timeout });

        await page.GetByLabel("Код КАТОТТГ громади", new() { Exact = true }).FillAsync(Code);
        await page.GetByLabel("Назва громади", new() { Exact = true }).FillAsync(Name);
        await page.GetByLabel("Коротка назва в адресі", new() { Exact = true }).FillAsync(Slug);
        await page.GetByLabel("Електронна пошта адміністратора громади", new() { Exact = true }).FillAsync(AdminEmail);
        await page.GetByLabel("Ім'я та прізвище адміністратора", new() { Exact = true }).FillAsync("Олена Сватівська");
        await page.GetByRole(AriaRole.Button, new() { Name = "Створити громаду" }).ClickAsync();

        var created = page.Locator("#community-created");
        await Assertions.Expect(created).ToContainTextAsync($"Громаду «{Name}» створено; її адміністратор — {AdminEmail}.", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#communities tbody tr", new() { HasText = Code })).ToContainTextAsync(Name);
        var password = (await page.Locator("#one-time-password").InnerTextAsync()).Trim();
        Assert.True(password.Length >= 12, $"the one-time password '{password}' is too short to be one");
        return password;
    }

    /// <summary>
    /// The new administrator signs in with the one-time password, can reach nothing but the password page until they
    /// choose their own, then imports a plan from a workbook (Kreminna's public export, renamed). Returns the plan's id.
    /// </summary>
    private async Task<int> ImportPlanAsync(string oneTimePassword)
    {
        const string ownPassword = "Svativ-Rada-Plan-1325";
        var (context, page) = await fixture.SignInAsync(AdminEmail, oneTimePassword, MustChangePasswordMiddleware.ChangePasswordPath);
        await using var _ = context;
        await Assertions.Expect(page.GetByText("Ви увійшли з одноразовим паролем")).ToBeVisibleAsync(new() { Timeout = Timeout });

        // Any other page sends them back here.
        await page.GotoAsync(fixture.BaseUrl + "/plans/import");
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + MustChangePasswordMiddleware.ChangePasswordPath, new() { Timeout = Timeout });

        await page.GetByLabel("Поточний пароль").FillAsync(oneTimePassword);
        await page.GetByLabel("Новий пароль", new() { Exact = true }).FillAsync(ownPassword);
        await page.GetByLabel("Новий пароль ще раз").FillAsync(ownPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Змінити пароль" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/users\\?password-changed=1$"), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#password-changed")).ToBeVisibleAsync(new() { Timeout = Timeout });

        return await PlanImportPage.ImportAsync(fixture, page, new("Сватівська міська рада", PlanTitle, "svatove-plan-"), Timeout);
    }

    /// <summary>
    /// The oblast coordinator's roll-up has a row for every community of the oblast, each with its plan; from each row
    /// they read that community's dashboard, and its editing and account pages answer "access denied".
    /// </summary>
    private async Task CoordinatorReadsAndIsRefusedAsync(int svatovePlanId)
    {
        // Signing in lands the coordinator on their oblast's roll-up.
        var (context, page) = await fixture.SignInAsync(DemoCommunities.OblastCoordinator.Email, landing: $"/oblast/{KnownCommunities.LuhanskOblastCode}");
        await using var _ = context;
        await BrowserFixture.InteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync($"Зведення: {KnownCommunities.LuhanskOblastName}", new() { Timeout = Timeout });

        var communities = new (string Code, string Name, int PlanId, string Plan)[]
        {
            (KnownCommunities.Kreminna().Code, KnownCommunities.Kreminna().Name, fixture.PlanId, "Міський план заходів"),
            (KnownCommunities.Rubizhne().Code, KnownCommunities.Rubizhne().Name, await PlanOfAsync(KnownCommunities.Rubizhne().Code), "Міський план заходів"),
            (Code, Name, svatovePlanId, PlanTitle),
        };
        await Assertions.Expect(page.Locator(".rollup-table tbody tr")).ToHaveCountAsync(communities.Length, new() { Timeout = Timeout });
        foreach (var c in communities)
        {
            var row = page.Locator($".rollup-table tbody tr[data-community='{c.Code}']");
            await Assertions.Expect(row.GetByRole(AriaRole.Link)).ToHaveTextAsync(c.Name);
            await Assertions.Expect(row.Locator("td").First).ToContainTextAsync(c.Plan);
        }

        await Assertions.Expect(page.Locator(".rollup-table tfoot tr")).ToContainTextAsync($"Усього, громад: {communities.Length}");

        // Kreminna (the demo's) and the new community, each chosen from its row as a coordinator does.
        foreach (var c in communities.Where(c => c.Code != KnownCommunities.Rubizhne().Code))
        {
            await fixture.OpenAsync(page, $"/oblast/{KnownCommunities.LuhanskOblastCode}");
            await page.Locator($".rollup-table tbody tr[data-community='{c.Code}']").GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard(\\?.*)?$"), new() { Timeout = Timeout });
            await BrowserFixture.InteractiveAsync(page);
            await Assertions.Expect(page.Locator(".community-switcher")).ToContainTextAsync(c.Name, new() { Timeout = Timeout });

            var (measure, direction) = await FirstMeasureAsync(c.PlanId);
            foreach (var path in new[] { $"/measures/{measure}/edit", $"/directions/{direction}/measures/new", "/plans/import", "/admin/users" })
            {
                var response = await page.GotoAsync(fixture.BaseUrl + path);
                Assert.True(response!.Status == 403, $"{c.Name}: {path} answered {response.Status}, not 403");
                await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/access-denied"), new() { Timeout = Timeout });
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Недостатньо прав", new() { Timeout = Timeout });
            }
        }
    }

    private async Task<int> PlanOfAsync(string communityCode)
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        return await db.Plans.Where(p => db.Communities.Any(c => c.Id == p.CommunityId && c.Code == communityCode)).Select(p => p.Id).SingleAsync();
    }

    private async Task<(int Measure, int Direction)> FirstMeasureAsync(int planId)
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var first = await db.Measures.Where(m => m.Direction.PlanId == planId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.DirectionId }).FirstAsync();
        return (first.Id, first.DirectionId);
    }
}
