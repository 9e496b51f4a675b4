using Bunit;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Plans.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kreminna1325.Tests.Components;

/// <summary>Deleting a responsible body: asked first, said plainly after, and not offered where it would be refused.</summary>
public sealed class BodiesPageTests : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private readonly BunitContext context = new();
    private readonly SeededDatabase database;
    private readonly BodyRegistry registry;

    public BodiesPageTests(SeededDatabase database)
    {
        this.database = database;
        registry = new BodyRegistry(database.DbFactory, new BodyFormValidator());
        BunitSetup.Prepare(context);
        context.Services.AddSingleton(registry);
        context.Services.AddLogging();
        context.AddAuthorization().SetAuthorized("staff").SetRoles(Roles.CouncilStaff)
            .SetClaims(new System.Security.Claims.Claim(Kreminna1325.Core.Communities.CommunityClaims.Community, TestUsers.Kreminna.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private async Task<int> UnusedBodyAsync(string shortName)
    {
        var saved = await registry.SaveAsync(TestUsers.Staff, new BodyForm { Name = $"Тимчасовий виконавець {shortName}", ShortName = shortName });
        Assert.True(saved.Saved, saved.Message);
        return saved.Current!.Id;
    }

    private async Task<bool> ExistsAsync(int id)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        return await db.ResponsibleBodies.AnyAsync(b => b.Id == id);
    }

    [Fact]
    public async Task Delete_is_offered_only_for_bodies_no_measure_or_user_names()
    {
        await UnusedBodyAsync("Порожній");
        var page = context.Render<BodiesPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr[data-body]")));
        var unused = (await registry.ListAsync()).Where(b => b.Measures + b.Users == 0).Select(b => b.ShortName).ToHashSet();
        Assert.Contains("Порожній", unused);
        var rows = page.FindAll("tr[data-body]");
        Assert.Contains(rows, r => !unused.Contains(r.GetAttribute("data-body")!));
        foreach (var row in rows)
        {
            var offered = row.QuerySelector("[data-action=delete-body]") is not null;
            Assert.Equal(unused.Contains(row.GetAttribute("data-body")!), offered);
        }

        // The registry itself still refuses a body in use, whatever a page offers.
        var inUse = (await registry.ListAsync()).First(b => b.Measures > 0);
        var refused = await registry.DeleteAsync(TestUsers.Staff, inUse.Id);
        Assert.Equal(EditOutcome.Invalid, refused.Outcome);
        Assert.True(await ExistsAsync(inUse.Id));
    }

    [Fact]
    public async Task Deleting_asks_first_and_says_deleted()
    {
        var kept = await UnusedBodyAsync("Залишиться");
        var gone = await UnusedBodyAsync("Зникне");
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<BodiesPage>();

        // Cancelling the question deletes nothing.
        page.WaitForElement("tr[data-body='Залишиться'] [data-action=delete-body]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Видалити виконавця?", dialogs.Markup));
        Assert.Contains("Тимчасовий виконавець Залишиться", dialogs.Markup);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Скасувати").Click();
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Видалити виконавця?", dialogs.Markup));
        Assert.True(await ExistsAsync(kept));

        page.Find("tr[data-body='Зникне'] [data-action=delete-body]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Видалити виконавця?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Видалити").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("tr[data-body='Зникне']")));
        Assert.False(await ExistsAsync(gone));
        // Said on the page, where focus is sent (not a toast that vanishes), and named for what happened.
        // The row goes in one render, the message and the focus call in the next: wait for them, too.
        page.WaitForAssertion(() => Assert.Equal("Видалено: «Зникне».", page.Find("#bodies-result").TextContent.Trim()));
        Assert.DoesNotContain("Збережено.", page.Markup);
        page.WaitForAssertion(() => Assert.Single(context.JSInterop.Invocations, i => i.Identifier == "kreminna.focusResult"));
        var focus = Assert.Single(context.JSInterop.Invocations, i => i.Identifier == "kreminna.focusResult");
        Assert.Contains("bodies-result", (string[])focus.Arguments[0]!);
    }
}
