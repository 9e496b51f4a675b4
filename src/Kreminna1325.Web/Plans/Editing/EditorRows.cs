namespace Kreminna1325.Web.Plans.Editing;

/// <summary>Row moves and removals shared by the measure editor's lists (responsible bodies, indicators).</summary>
internal static class EditorRows
{
    /// <summary>Swaps two rows when both exist; a click that would leave the list does nothing.</summary>
    public static bool TrySwap<T>(List<T> list, int a, int b)
    {
        if (a < 0 || b < 0 || a >= list.Count || b >= list.Count)
        {
            return false;
        }

        (list[a], list[b]) = (list[b], list[a]);
        return true;
    }

    /// <summary>Removes a row when it still exists: a second click on the last row's delete does nothing.</summary>
    public static bool TryRemoveAt<T>(List<T> list, int index)
    {
        if (index < 0 || index >= list.Count)
        {
            return false;
        }

        list.RemoveAt(index);
        return true;
    }
}
