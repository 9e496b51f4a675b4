using Bunit;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Plans.Editing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kreminna1325.Tests.Components;

/// <summary>The plan's years are typed numbers too: a year that cannot be read is never saved as another.</summary>
public sealed class PlanYearsEntryTests : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private readonly SeededDatabase database;
    private readonly BunitContext context = new();

    public PlanYearsEntryTests(SeededDatabase database)
    {
        this.database = database;
        BunitSetup.Prepare(context);
        context.Services.AddSingleton(new PlanQueries(database.DbFactory));
        context.Services.AddSingleton(new PlanEditor(database.DbFactory, new PlanFormValidator()));
        context.Services.AddSingleton<AuthenticationStateProvider>(new StaffSignedIn());
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private sealed class StaffSignedIn : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(TestUsers.Staff));
    }

    private async Task<(int Start, int End, uint Version)> StoredAsync()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == database.PlanId);
        return (plan.StartYear, plan.EndYear, plan.Version);
    }

    [Fact]
    public async Task A_year_that_cannot_be_read_blocks_saving_and_a_readable_one_is_saved()
    {
        var before = await StoredAsync();
        var page = context.Render<PlansPage>();
        page.WaitForAssertion(() => page.Find($"tr[data-plan='{database.PlanId}'] button"));
        await page.Find($"tr[data-plan='{database.PlanId}'] button").ClickAsync(new());
        var end = "input[data-field='end-year']";

        page.Find(end).Input("2022,5");
        await page.Find("[data-action='save-plan']").ClickAsync(new());

        Assert.Equal("Виправте позначені поля.", page.Find("[role='alert']").TextContent);
        Assert.Contains("Тут потрібне ціле число.", page.Find(end).Closest(".mud-input-control")!.TextContent);
        Assert.Equal("2022,5", page.Find(end).GetAttribute("value"));
        Assert.Equal(before, await StoredAsync());

        page.Find(end).Input(" 2023 ");
        await page.Find("[data-action='save-plan']").ClickAsync(new());

        Assert.Equal(2023, (await StoredAsync()).End);
    }
}
