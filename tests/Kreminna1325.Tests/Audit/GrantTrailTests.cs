using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Editing;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Audit;

/// <summary>
/// Role grants in the trail, in words, and the accounts written where no community is current (onboarding a community,
/// demo seeding) filed in the grant's community, or deliberately in none.
/// </summary>
public class GrantTrailTests(CommunityAdministrationFixture f) : IClassFixture<CommunityAdministrationFixture>
{
    private const string Kreminna = "Кремінська міська територіальна громада";
    private const string Root = "Системна Адміністраторка";

    private AuditQueries Audit => new(f.DbFactory);

    private async Task<List<HistoryLine>> TrailAsync(int community, string culture, string? entityType = null)
    {
        using var _ = new CultureScope(culture);
        var admin = TestUsers.InRole(Roles.Administrator, "trail-reader", community);
        return [.. (await Audit.LinesAsync(admin, new AuditFilter(EntityType: entityType), 0, AuditQueries.MaxPageSize)).Lines];
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task A_new_communitys_administrator_reads_in_words_who_gave_them_their_account_and_role_and_kreminna_does_not()
    {
        var root = await f.PrincipalAsync(CommunityAdministrationFixture.SystemAdministrator);
        var result = await f.CreateAsync(root, new CommunityForm
        {
            Code = "UA44100050000027880", Name = "Красноріченська селищна територіальна громада", Slug = "trail-test", AdminEmail = "hanna@trail.test", AdminName = "Ганна Нова",
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var community = await db.Communities.Where(c => c.Slug == "trail-test").Select(c => c.Id).SingleAsync();
        var hanna = await UserIdAsync("hanna@trail.test");

        var uk = await TrailAsync(community, "uk-UA");
        var en = await TrailAsync(community, "en");

        Assert.Contains(uk, l => l.Sentence == $"{Root}: роль «адміністратор» у громаді «Красноріченська селищна територіальна громада» надано користувачу Ганна Нова");
        Assert.Contains(en, l => l.Sentence == $"{Root} granted the role ‘administrator’ in the community ‘Красноріченська селищна територіальна громада’ to Ганна Нова");
        Assert.Contains(uk, l => l.EntityType == nameof(AppUser) && l.Action == AuditAction.Insert && l.Sentence.Contains("Ганна Нова", StringComparison.Ordinal));
        var kreminna = await TrailAsync(TestUsers.Kreminna, "uk-UA");
        Assert.DoesNotContain(kreminna, l => l.Sentence.Contains("Ганна Нова", StringComparison.Ordinal));
        Assert.All(await db.AuditEntries.Where(a => a.EntityKey == hanna && a.EntityType == nameof(AppUser) && a.Action == AuditAction.Insert).ToListAsync(),
            a => Assert.Equal(community, a.CommunityId));
    }

    [Fact]
    public async Task Demo_staff_are_filed_in_their_community_and_the_oblast_coordinator_and_system_administrator_in_none()
    {
        var staff = await UserIdAsync("staff@kreminna.local");
        var official = await UserIdAsync("official@kreminna.local");
        var oblast = await UserIdAsync("oblast@kreminna.local");
        var system = await UserIdAsync("system@kreminna.local");
        await using var db = await f.DbFactory.CreateDbContextAsync();
        async Task<int?> FiledAsync(string entityType, string keyStart) =>
            (await db.AuditEntries.Where(a => a.EntityType.StartsWith(entityType) && a.EntityKey.StartsWith(keyStart) && a.Action == AuditAction.Insert)
                .Select(a => new { a.CommunityId }).SingleAsync()).CommunityId;

        Assert.Equal(TestUsers.Kreminna, await FiledAsync(nameof(AppUser), staff));
        Assert.Equal(TestUsers.Kreminna, await FiledAsync(nameof(UserResponsibleBody), official + "/"));
        Assert.Null(await FiledAsync(nameof(AppUser), oblast));
        Assert.Null(await FiledAsync(nameof(AppUser), system));
        Assert.Null(await FiledAsync("IdentityUserRole", system + "/"));

        var uk = await TrailAsync(TestUsers.Kreminna, "uk-UA", nameof(CommunityGrant));
        Assert.Contains(uk, l => l.Sentence == $"Система (автоматично): роль «працівник координаційної ради» у громаді «{Kreminna}» надано користувачу Оксана Демо");
        var en = await TrailAsync(TestUsers.Kreminna, "en", nameof(CommunityGrant));
        Assert.Contains(en, l => l.Sentence == $"System (automatic) granted the role ‘coordination council staff’ in the community ‘{Kreminna}’ to Оксана Демо");
    }

    [Fact]
    public async Task An_oblast_coordinators_grant_names_the_oblast_in_both_languages()
    {
        var oblast = await UserIdAsync("oblast@kreminna.local");
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var rows = (await db.AuditEntries.Where(a => a.EntityType == nameof(CommunityGrant)).ToListAsync())
            .Where(a => a.Changes.Contains(oblast, StringComparison.Ordinal)).ToList();
        var records = rows.Select(a => new AuditRecord(a.Id, a.At, a.UserId, a.UserName, a.EntityType, a.EntityKey, a.Action, a.MeasureId,
            FieldChange.Parse(a.Changes), a.CommunityId)).ToList();
        var narration = new AuditNarration(db.Model, await AuditReferences.LoadAsync(db, records, default));

        string Said(string culture)
        {
            using var _ = new CultureScope(culture);
            return narration.Line(records, 1).Sentence;
        }

        Assert.Null(Assert.Single(rows).CommunityId);
        Assert.Equal("Система (автоматично): роль «координатор області» (Луганська область) надано користувачу Людмила Демо", Said("uk-UA"));
        Assert.Equal("System (automatic) granted the role ‘oblast coordinator’ (Луганська область) to Людмила Демо", Said("en"));
    }

    [Fact]
    public async Task A_revoked_role_reads_as_taken_back_in_the_grants_community()
    {
        var executive = await UserIdAsync("executive@kreminna.local");
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            f.Actor.Current = Core.Audit.Actor.Of(await f.PrincipalAsync("admin@kreminna.local"));
            db.CommunityGrants.Remove(await db.CommunityGrants.SingleAsync(g => g.UserId == executive && g.Role == Roles.Executive));
            await db.SaveChangesAsync();
            f.Actor.Current = Core.Audit.Actor.System;
        }

        var uk = await TrailAsync(TestUsers.Kreminna, "uk-UA", nameof(CommunityGrant));
        var en = await TrailAsync(TestUsers.Kreminna, "en", nameof(CommunityGrant));

        Assert.Equal($"Адміністраторка Демо: роль «керівник (заступник міського голови)» у громаді «{Kreminna}» відкликано в користувача Петро Демо", uk[0].Sentence);
        Assert.Equal($"Адміністраторка Демо revoked the role ‘executive (deputy mayor)’ in the community ‘{Kreminna}’ from Петро Демо", en[0].Sentence);
    }

    [Fact]
    public async Task A_person_of_no_community_changing_their_account_is_filed_in_none_not_refused()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UseKreminnaDatabase(f.ConnectionString).AddInterceptors(new AuditInterceptor(f.Actor, TimeProvider.System));
        var options = builder.Options;
        var oblast = await UserIdAsync("oblast@kreminna.local");
        await using (var db = new AppDbContext(options) { CommunityId = CommunityScope.NoCommunity })
        {
            var user = await db.Users.SingleAsync(u => u.Id == oblast);
            user.Position = "Координаторка області";
            await db.SaveChangesAsync();
        }

        await using var check = await f.DbFactory.CreateDbContextAsync();
        var entry = await check.AuditEntries.Where(a => a.EntityKey == oblast && a.Action == AuditAction.Update).OrderBy(a => a.Id).LastAsync();
        Assert.Null(entry.CommunityId);
        Assert.Contains("Координаторка області", entry.Changes);
    }
}
