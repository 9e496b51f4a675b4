using System.Collections;

namespace Kreminna1325.Core.Audit;

/// <summary>
/// Whether a field's value before and after an update is the same, as the audit trail reads it: lists
/// and arrays element by element and in order (recursively), everything else by <see cref="object.Equals(object?, object?)"/>.
/// </summary>
/// <remarks>
/// EF keeps a copy of a list as its original value, so comparing references would record a list field
/// as changed on every update of its row, and an append-only table keeps that noise for ever.
/// </remarks>
internal static class AuditValues
{
    public static bool Same(object? before, object? after)
    {
        if (ReferenceEquals(before, after))
        {
            return true;
        }

        if (before is null || after is null)
        {
            return false;
        }

        if (before is byte[] x && after is byte[] y)
        {
            return x.AsSpan().SequenceEqual(y);
        }

        // Text is a sequence of characters too, but Equals already compares it by value.
        if (before is not string && after is not string && before is IEnumerable first && after is IEnumerable second)
        {
            return SameElements(first, second);
        }

        return Equals(before, after);
    }

    private static bool SameElements(IEnumerable before, IEnumerable after)
    {
        var a = before.GetEnumerator();
        var b = after.GetEnumerator();
        try
        {
            while (true)
            {
                var more = a.MoveNext();
                if (more != b.MoveNext())
                {
                    return false;
                }

                if (!more)
                {
                    return true;
                }

                if (!Same(a.Current, b.Current))
                {
                    return false;
                }
            }
        }
        finally
        {
            (a as IDisposable)?.Dispose();
            (b as IDisposable)?.Dispose();
        }
    }
}
