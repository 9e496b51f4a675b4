using Microsoft.JSInterop;

namespace Kreminna1325.Web.Components.Shared;

/// <summary>
/// After an action (save, submit, add, delete) focus goes to what it produced — the message or the new heading —
/// instead of being lost to the page's body when the pressed button re-renders or disappears. One mechanism for
/// every page: wwwroot/app.js's <c>kreminna.focusResult</c>, which waits for the element to be rendered.
/// </summary>
public static class ResultFocus
{
    /// <summary>
    /// Focuses the first of <paramref name="elementIds"/> on the page (call the component's StateHasChanged first, so
    /// that the result is rendered before this arrives; the script also waits a little for it).
    /// </summary>
    public static async Task FocusResultAsync(this IJSRuntime js, params string[] elementIds)
    {
        try
        {
            await js.InvokeVoidAsync("kreminna.focusResult", [elementIds]);
        }
        catch (JSDisconnectedException)
        {
            // The person left (closed the tab): there is nothing to focus any more.
        }
        catch (TaskCanceledException)
        {
        }
    }
}
