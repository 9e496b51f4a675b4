using MudBlazor;

namespace Kreminna1325.Web.Components.Layout;

public static class AppTheme
{
    // System fonts only: the app must not fetch fonts from other origins.
    private static readonly string[] Fonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#8a3b12",
            AppbarBackground = "#1f4e79",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4e8",
            Secondary = "#f0a477",
            AppbarBackground = "#15324d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
        },
    };
}
