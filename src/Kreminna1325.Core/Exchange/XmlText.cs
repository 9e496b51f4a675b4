using System.Text;
using System.Xml;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// Typed text as the Word and Excel files can carry it: characters XML cannot hold (control characters pasted from
/// elsewhere, a lone half of a surrogate pair) are dropped, so no plan or report text can make a document unreadable.
/// </summary>
internal static class XmlText
{
    public static string Clean(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(value, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(value[i]))
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>At most <paramref name="length"/> characters of <paramref name="clean"/>, never ending on half a surrogate pair.</summary>
    public static string Cut(string clean, int length) =>
        clean.Length <= length ? clean : clean[..(char.IsHighSurrogate(clean[length - 1]) ? length - 1 : length)];
}
