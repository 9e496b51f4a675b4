using Kreminna1325.Web.Components;
using MudBlazor.Services;
using Serilog;

namespace Kreminna1325.Web;

public static class WebUi
{
    public static readonly string[] SupportedCultures = ["uk-UA", "en-US"];

    public static void AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options => options
            .SetDefaultCulture(SupportedCultures[0])
            .AddSupportedCultures(SupportedCultures)
            .AddSupportedUICultures(SupportedCultures));
    }

    public static void UseWebUi(this WebApplication app)
    {
        app.UseSerilogRequestLogging();

        // The API answers errors as problem+json; people get a page in their language.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), ui =>
        {
            if (!app.Environment.IsDevelopment())
            {
                ui.UseExceptionHandler("/error", createScopeForErrors: true);
            }

            ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRequestLocalization();
        app.UseAntiforgery();
    }

    public static void MapWebUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
