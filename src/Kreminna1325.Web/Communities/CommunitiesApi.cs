using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Communities;

/// <summary>Open data about the communities hosted here, under their KATOTTG codes; anonymous and cached as the plans are.</summary>
public static class CommunitiesApi
{
    public static void AddCommunitiesApi(this IServiceCollection services) => services.AddScoped<CommunityQueries>();

    public static void MapCommunitiesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/communities").AllowAnonymous().WithTags("Open data").CacheOutput(PublicCaching.DataPolicy);
        api.MapGet("", (CommunityQueries communities, CancellationToken ct) => communities.ListAsync(ct))
            .WithName("ListCommunities")
            .WithSummary("Громади, що мають план: код КАТОТТГ, назва, область і її код КАТОТТГ, коротка назва в адресі /c/{slug}.");
        api.MapGet("/{code}/plans", ListPlansAsync)
            .WithName("ListCommunityPlans")
            .WithSummary("Плани громади з цим кодом КАТОТТГ, як у /api/plans.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<PlanSummary>>, ProblemHttpResult>> ListPlansAsync(
        string code, CommunityQueries communities, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var normalized = Katottg.Normalize(code)!;
        if (!Katottg.IsWellFormed(normalized))
        {
            // Not a KATOTTG code at all: the request is wrong, not the address of something that could exist.
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["Api.BadRequest.Title"], detail: Katottg.Problem(normalized));
        }

        if (await communities.ByCodeAsync(normalized, ct) is { } found)
        {
            return TypedResults.Ok(found.Plans);
        }

        // A code, but not a community's (a raion's, not in the codifier) says why; a community's code that no community
        // here has says that. Either way there is nothing at this address: 404.
        var reason = Katottg.Problem(normalized) ?? l["Api.CommunityNotFound.Detail", normalized];
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.CommunityNotFound.Title"], detail: reason);
    }
}
