using System.Globalization;
using System.Security.Claims;
using Bunit;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Tests.Communities;
using Kreminna1325.Web.Communities;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Components;

/// <summary>The community switcher in the app bar: who sees which communities, read in one query for most people.</summary>
public sealed class CommunitySwitcherTests : IClassFixture<CommunityDirectoryFixture>, IAsyncLifetime
{
    private readonly CommunityDirectoryFixture f;
    private readonly BunitContext context = new();
    private readonly Rollups.CountingFactory factory;

    public CommunitySwitcherTests(CommunityDirectoryFixture fixture)
    {
        f = fixture;
        factory = f.Counting();
        BunitSetup.Prepare(context);
        context.Services.AddSingleton(new CommunityDirectory(factory));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private static Claim Grant(string role, int community) =>
        new(CommunityClaims.Grant, CommunityClaims.GrantValue(role, community.ToString(CultureInfo.InvariantCulture)));

    [Fact]
    public void A_consultant_of_two_councils_sees_both_the_current_one_marked_from_one_query()
    {
        context.AddAuthorization().SetAuthorized("consultant").SetClaims(
            new Claim(CommunityClaims.Community, f.Rubizhne.ToString(CultureInfo.InvariantCulture)),
            Grant(Roles.CouncilStaff, f.Kreminna), Grant(Roles.Executive, f.Rubizhne));
        BunitSetup.Ready(context);

        var switcher = context.Render<CommunitySwitcher>(p => p.Add(s => s.PreferenceUrl, choice => $"/preferences?{choice}"));

        switcher.WaitForAssertion(() => Assert.Equal("Рубіжанська міська територіальна громада", switcher.Find("summary").TextContent.Trim()));
        var links = switcher.FindAll("li a");
        Assert.Equal([$"/preferences?community={f.Kreminna}", $"/preferences?community={f.Rubizhne}"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal([null, "true"], links.Select(a => a.GetAttribute("aria-current")));
        Assert.Equal(1, factory.Commands);
    }

    [Fact]
    public void A_person_of_one_community_sees_its_name_and_no_menu()
    {
        context.AddAuthorization().SetAuthorized("staff").SetClaims(
            new Claim(CommunityClaims.Community, f.Kreminna.ToString(CultureInfo.InvariantCulture)), Grant(Roles.CouncilStaff, f.Kreminna));
        BunitSetup.Ready(context);

        var switcher = context.Render<CommunitySwitcher>(p => p.Add(s => s.PreferenceUrl, choice => $"/preferences?{choice}"));

        switcher.WaitForAssertion(() => Assert.Contains("Кремінська міська територіальна громада", switcher.Markup));
        Assert.Empty(switcher.FindAll("summary"));
        Assert.Equal(1, factory.Commands);
    }
}
