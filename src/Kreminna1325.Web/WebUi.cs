using FluentValidation;
using Kreminna1325.Web.Components;
using Kreminna1325.Web.Components.Shared;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kreminna1325.Web.Api;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;
using Serilog;

namespace Kreminna1325.Web;

public static class WebUi
{
    public static readonly string[] SupportedCultures = ["uk-UA", "en-US"];

    public static void AddWebUi(this WebApplicationBuilder builder)
    {
        // Cyrillic as text, not as &#x...; entities: pages a quarter of the size, readable as source.
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddTransient<MudLocalizer, MudTexts>();
        // Every validator of Core's features, found by scanning, and the adapter that lets MudBlazor forms ask them.
        builder.Services.AddValidatorsFromAssemblyContaining<Kreminna1325.Core.Accounts.UserFormValidator>(ServiceLifetime.Singleton);
        builder.Services.AddTransient(typeof(FluentValidationAdapter<>));
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(SupportedCultures[0])
                .AddSupportedCultures(SupportedCultures)
                .AddSupportedUICultures(SupportedCultures);

            // Ukrainian first, whatever the browser asks for: English only when chosen explicitly.
            options.RequestCultureProviders = options.RequestCultureProviders
                .Where(p => p is not AcceptLanguageHeaderRequestCultureProvider)
                .ToList();
        });
    }

    public static void UseWebUi(this WebApplication app)
    {
        // A calendar address carries its secret in the path: the log writes it without (Notifications/CalendarEndpoint).
        app.UseSerilogRequestLogging(options => options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
        [
            new Serilog.Events.LogEventProperty("RequestMethod", new Serilog.Events.ScalarValue(context.Request.Method)),
            new Serilog.Events.LogEventProperty("RequestPath", new Serilog.Events.ScalarValue(Notifications.CalendarEndpoint.LoggedPath(path))),
            new Serilog.Events.LogEventProperty("StatusCode", new Serilog.Events.ScalarValue(status)),
            new Serilog.Events.LogEventProperty("Elapsed", new Serilog.Events.ScalarValue(elapsed)),
        ]);

        // People get a page in their language; the API answers problem+json (ApiExceptionHandler
        // and its own 404 fallback), so these only ever render for pages.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        app.UseRequestLocalization();
    }

    public static void MapWebUi(this WebApplication app)
    {
        app.MapStaticAssets();
        // The app sends its own CSP with frame-ancestors 'none'; Blazor's second, laxer header would only confuse.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
    }
}
