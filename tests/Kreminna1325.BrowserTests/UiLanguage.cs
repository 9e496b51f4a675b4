using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>
/// Finds English in a page shown in Ukrainian: in what is on screen (visible text), in what a screen
/// reader says (aria-label, title, placeholder, alt, a button's value) and in the window's title.
/// The Ukrainian UI has no Latin words but codes and proper names (<see cref="Allowed"/>), so any other
/// Latin word is a finding; <see cref="EnglishDefaults"/> names the texts MudBlazor and the browser bring
/// by themselves, so that a failure says which default leaked. Another test can scan its own pages with
/// <see cref="FindAsync"/>.
/// </summary>
public static partial class UiLanguage
{
    /// <summary>
    /// MudBlazor's and the browser's English defaults, matched as whole words, case-sensitive (so
    /// "OK" is not "ok" in an address). Any Latin word is refused anyway; these are listed so that the
    /// usual leaks are named and never slip in through <see cref="Allowed"/>.
    /// </summary>
    public static readonly string[] EnglishDefaults =
    [
        "Rows per page", "of", "All", "Close", "Clear", "Cancel", "OK", "Ok", "Yes", "No", "Select", "Select all", "Search",
        "No matching records found", "No records", "Loading", "Choose File", "Choose Files", "No file chosen", "Browse",
        "Previous", "Next", "First page", "Last page", "Next page", "Previous page", "Not a valid number",
        "Not a valid date time", "Conversion error", "Required", "Open", "Toggle", "Sort", "Filter", "Columns", "Save",
        "Delete", "Edit", "Apply", "KB", "MB", "GB", "bytes", "Today", "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "AM", "PM",
        "Page", "page", "Menu", "Dismiss", "Expand", "Collapse", "Error", "Warning", "Success", "Info",
    ];

    /// <summary>
    /// Latin words a Ukrainian page may hold: codes of formats and standards, proper names of things
    /// that have no Ukrainian name, and Roman numerals (the plan's directions I–V). Nothing English.
    /// </summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "UNSCR", "DOCX", "XLSX", "CSV", "JSON", "API", "KATOTTG", "PDF", "PNG", "JPG", "JPEG", "SHA", "UTF", "HTTP",
        "GUID", "ZIP", "CC", "BY", "Creative", "Commons", "Attribution", "OpenAPI", "Frictionless", "Data", "Word", "Excel", "zip",
        "xlsx", "docx", "csv", "json", "pdf",
    };

    // Text inside <code> is identifiers (dataset and field names, codes), not the UI's language.
    private const string Scan = """
        () => {
          const out = [];
          const describe = el => {
            let d = el.tagName.toLowerCase();
            if (el.id) d += '#' + el.id;
            const cls = (el.getAttribute('class') || '').split(/\s+/).filter(c => c).slice(0, 2);
            if (cls.length) d += '.' + cls.join('.');
            return d;
          };
          // Text marked as another language (the language switch's lang="en" «ENG») is declared as such, as WCAG 3.1.2 asks.
          const skip = el => el.closest('code, kbd, samp, script, style, noscript, template')
            || !((el.closest('[lang]') || document.documentElement).getAttribute('lang') || '').startsWith('uk');
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            const text = n.nodeValue.trim();
            if (!text || !el || skip(el) || !el.checkVisibility()) continue;
            out.push({ where: 'text in ' + describe(el), text });
          }
          for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], input[type=button], input[type=submit], input[type=reset], button[value]')) {
            if (skip(el) || el.closest('[aria-hidden=true]') || !el.checkVisibility()) continue;
            for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
              const v = el.getAttribute(a);
              if (v && v.trim()) out.push({ where: `${a} of ${describe(el)}`, text: v.trim() });
            }
            if ((el.tagName === 'INPUT' && /^(button|submit|reset)$/i.test(el.type)) || el.tagName === 'BUTTON') {
              if (el.value && el.value.trim()) out.push({ where: `value of ${describe(el)}`, text: el.value.trim() });
            }
          }
          // A file input shows the browser's own "Choose File" / "No file chosen" whenever it is on screen.
          for (const el of document.querySelectorAll('input[type=file]')) {
            const r = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            if (el.checkVisibility() && r.width > 2 && r.height > 2 && style.opacity !== '0')
              out.push({ where: 'visible native file input ' + describe(el), text: 'Choose File' });
          }
          out.push({ where: 'document title', text: document.title });
          // Everything above counts only where the page says it is Ukrainian; a page that says otherwise is itself a finding.
          const lang = document.documentElement.getAttribute('lang') || '';
          if (!lang.startsWith('uk')) out.push({ where: 'html element', text: `lang="${lang}" is not Ukrainian` });
          return out;
        }
        """;

    /// <summary>The English on the page as it is now, each finding with where it is and its text.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IPage page, string where)
    {
        var texts = await page.EvaluateAsync<ScannedText[]>(Scan);
        var findings = new List<string>();
        foreach (var t in texts)
        {
            var words = EnglishIn(t.Text);
            if (words.Count > 0)
            {
                findings.Add($"{where}: {string.Join(", ", words.Select(w => $"«{w}»"))} in {t.Where}: «{Shorten(t.Text)}»");
            }
        }

        return findings.Distinct().ToList();
    }

    /// <summary>Fails naming every piece of English on the page and where it is.</summary>
    public static async Task AssertUkrainianAsync(IPage page, string where)
    {
        var findings = await FindAsync(page, where);
        Assert.True(findings.Count == 0, $"English in the Ukrainian UI:\n{string.Join('\n', findings)}");
    }

    /// <summary>The English words and defaults in one text; addresses, e-mails and file names are not words.</summary>
    public static IReadOnlyList<string> EnglishIn(string text)
    {
        var prose = NotWords().Replace(text, " ");
        var found = new List<string>();
        foreach (var phrase in EnglishDefaults)
        {
            if (Regex.IsMatch(prose, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}])"))
            {
                found.Add(phrase);
            }
        }

        foreach (Match word in LatinWord().Matches(prose))
        {
            if (!Allowed.Contains(word.Value) && !RomanNumeral().IsMatch(word.Value) && !found.Contains(word.Value))
            {
                found.Add(word.Value);
            }
        }

        return found;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "…";

    // URLs, e-mail addresses, site paths (/api/plans/{id}) and file names (kreminna-plan-2020-2022.docx).
    [GeneratedRegex(@"https?://\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+|(?<![\p{L}\p{N}])/[\w/{}.?=&%-]+|[\w-]+(\.[\w-]+)*\.(docx|xlsx|csv|json|zip|pdf|png|jpe?g|exe)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotWords();

    // Two letters or more: a lone letter is a column (A–E) or a list mark, not a word of a language.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z]{2,}(?![\p{L}])")]
    private static partial Regex LatinWord();

    [GeneratedRegex("^[IVXLC]+$")]
    private static partial Regex RomanNumeral();

    private sealed class ScannedText
    {
        public string Where { get; set; } = "";

        public string Text { get; set; } = "";
    }
}
