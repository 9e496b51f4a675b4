namespace Kreminna1325.Web.Components.Shared;

/// <summary>
/// The number fields of one form, given to them as a cascading value. A field whose text could not
/// be read holds no value the form could save; the form asks here before saving, so that such a
/// text is never saved as empty or as the field's old value behind the person's back.
/// </summary>
public sealed class NumberFields
{
    private readonly HashSet<NumberField> unreadable = [];

    internal event Action? Revealed;

    /// <summary>True when every field was read; otherwise each unreadable field shows why, at the field.</summary>
    public bool TryReadAll()
    {
        if (unreadable.Count == 0)
        {
            return true;
        }

        Revealed?.Invoke();
        return false;
    }

    internal void Report(NumberField field, bool isUnreadable)
    {
        if (isUnreadable)
        {
            unreadable.Add(field);
        }
        else
        {
            unreadable.Remove(field);
        }
    }
}
