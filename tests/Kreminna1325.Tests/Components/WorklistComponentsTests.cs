using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Bunit;
using Bunit.TestDoubles;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Monitoring;
using Kreminna1325.Web.Accounts;
using Kreminna1325.Web.Monitoring;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Components;

/// <summary>My reports' count chips are its state filters, and the navigation's count follows a submission without a reload.</summary>
public sealed class WorklistComponentsTests : IClassFixture<ReportingFixture>, IAsyncLifetime
{
    private readonly ReportingFixture f;
    private readonly BunitContext context = new();

    public WorklistComponentsTests(ReportingFixture fixture)
    {
        f = fixture;
        BunitSetup.Prepare(context);
        context.Services.AddSingleton(f.Worklist);
        context.Services.AddSingleton(f.Queries);
        context.Services.AddSingleton(f.Changes);
        context.Services.AddSingleton(f.Access);
        context.Services.AddSingleton(new PlanQueries(f.DbFactory));
        context.Services.AddLogging();
        context.AddAuthorization()
            .SetAuthorized("centre@kreminna.local")
            .SetRoles(Roles.ResponsibleOfficial)
            .SetPolicies(Policies.CanReport);
        // The components ask the provider for the person's id and roles: the fixture's official, as a circuit has them.
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(f.CentreOfficial));
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    [Fact]
    public async Task A_chip_is_a_toggle_that_filters_by_its_state_and_says_when_it_is_pressed()
    {
        var counts = new WorklistCounts(new Dictionary<WorkState, int> { [WorkState.Returned] = 1, [WorkState.Overdue] = 7 });
        WorkState? chosen = WorkState.Approved;
        var chips = context.Render<WorklistChips>(p => p
            .Add(c => c.Counts, counts)
            .Add(c => c.SelectedChanged, (WorkState? s) => chosen = s));

        Assert.Equal("true", chips.Find("button[data-state='All']").GetAttribute("aria-pressed"));
        Assert.Equal("false", chips.Find("button[data-state='Returned']").GetAttribute("aria-pressed"));
        Assert.Contains("Повернуті: 1", chips.Find("button[data-state='Returned']").TextContent);
        Assert.Contains("Усі: 8", chips.Find("button[data-state='All']").TextContent);

        await chips.Find("button[data-state='Returned']").ClickAsync(new());
        Assert.Equal(WorkState.Returned, chosen);

        chips.Render(p => p.Add(c => c.Selected, WorkState.Returned));
        Assert.Equal("true", chips.Find("button[data-state='Returned']").GetAttribute("aria-pressed"));
        Assert.Equal("false", chips.Find("button[data-state='All']").GetAttribute("aria-pressed"));
        Assert.Single(chips.FindAll("button[aria-pressed='true']"));

        // Pressing the pressed chip lets go of the filter.
        await chips.Find("button[data-state='Returned']").ClickAsync(new());
        Assert.Null(chosen);
    }

    [Fact]
    public async Task On_the_page_a_chip_puts_its_state_in_the_address_and_shows_its_count()
    {
        var page = context.Render<MyReports>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".my-reports tbody tr")), TimeSpan.FromSeconds(30));

        var overdue = page.Find("button[data-state='Overdue']");
        Assert.Matches(@"Прострочені: \d+", overdue.TextContent);
        await overdue.ClickAsync(new());

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith("/my-reports?state=Overdue", navigation.Uri);
    }

    [Fact]
    public async Task The_navigation_count_of_reports_needing_action_follows_a_submission()
    {
        var before = (await f.Worklist.CountsAsync(f.CentreOfficial, new WorklistFilter(f.PlanId))).NeedingAction;
        var nav = context.Render<ReportNavLinks>(p => p.Add(c => c.PlanId, f.PlanId));
        nav.WaitForAssertion(() => Assert.Equal($"потребують дій: {before}", nav.Find(".nav-count").TextContent.Trim()), TimeSpan.FromSeconds(30));

        // An overdue report, submitted in this circuit or any other: the navigation counts again.
        var period = await f.PeriodAsync("I", 4, 2020, 4);
        var form = (await f.Reports.LoadAsync(f.CentreOfficial, period))!.Form;
        ReportWorkflowTests.FillTraining(form);
        var submitted = await f.Reports.SubmitAsync(f.CentreOfficial, form);
        Assert.True(submitted.Saved, submitted.Message);

        nav.WaitForAssertion(() => Assert.Equal($"потребують дій: {before - 1}", nav.Find(".nav-count").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal(before - 1, int.Parse(nav.Find(".nav-count").GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
