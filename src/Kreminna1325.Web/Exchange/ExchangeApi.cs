namespace Kreminna1325.Web.Exchange;

/// <summary>The plan handed to the world of Word, Excel and open data.</summary>
public static class ExchangeApi
{
    public static void MapExchangeApi(this WebApplication app)
    {
        var open = app.MapGroup("/api").AllowAnonymous().WithTags("Open data");
        open.MapPlanDocxApi();
    }
}
