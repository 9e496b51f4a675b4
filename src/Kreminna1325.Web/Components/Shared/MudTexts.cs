using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Kreminna1325.Web.Components.Shared;

/// <summary>
/// MudBlazor's own texts (pager, conversion errors, pickers, close buttons…) in the app's language.
/// MudBlazor asks this for every key of its LanguageResource when the UI culture is not English; the
/// answers live with every other string in strings.tsv, under "Mud." and MudBlazor's key, so a
/// translator finds them where all the others are.
/// </summary>
public sealed class MudTexts(IStringLocalizer<SharedResource> strings) : MudLocalizer
{
    public const string Prefix = "Mud.";

    public override LocalizedString this[string key]
    {
        get
        {
            var text = strings[Prefix + key];
            // Not found: MudBlazor falls back to its English rather than showing our prefixed key.
            return new LocalizedString(key, text.ResourceNotFound ? key : text.Value, text.ResourceNotFound);
        }
    }
}
