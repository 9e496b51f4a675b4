using Kreminna1325.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Web.Communities;

public static class CommunitiesExtensions
{
    /// <summary>Many communities on one instance: who works in which, and contexts that keep to it.</summary>
    public static void AddCommunities(this WebApplicationBuilder builder)
    {
        // Registered after AddDatabase's factory, so every context the app creates comes through this one.
        builder.Services.AddScoped<IDbContextFactory<AppDbContext>, CommunityDbContextFactory>();
        builder.Services.AddScoped<IClaimsTransformation, CommunityRoles>();
        Rollups.RollupsApi.AddRollups(builder.Services);
        builder.Services.AddCommunitiesApi();
        builder.Services.AddScoped<Core.Communities.CommunityDirectory>();
        builder.Services.AddScoped<Core.Communities.CommunityAdministration>();
    }

    public static void MapCommunities(this WebApplication app)
    {
        Rollups.RollupsApi.MapRollupsApi(app);
        app.MapCommunitiesApi();
    }
}
