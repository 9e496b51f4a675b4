using System.Globalization;
using Bunit;
using Kreminna1325.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Kreminna1325.Tests.Components;

/// <summary>
/// What every component test needs before its own services: Ukrainian culture (the UI's default),
/// MudBlazor, its popovers and its texts in the app's language, the app's resources, and an interactive Server renderer as the circuit has.
/// </summary>
public static class BunitSetup
{
    public static void Prepare(BunitContext context)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("uk-UA");
        context.Services.AddMudServices();
        context.Services.AddTransient<MudLocalizer, MudTexts>();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
    }

    /// <summary>After the test's own services: these read the container, which then takes no more.</summary>
    public static void Ready(BunitContext context)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", true));
        context.Render<MudPopoverProvider>();
    }
}
