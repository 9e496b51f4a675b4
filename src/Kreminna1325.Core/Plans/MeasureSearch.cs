using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans;

public enum MeasureSort
{
    Number,
    Content,
    Term,
    Funding,
}

public sealed record MeasureQuery(
    int PlanId,
    string? Search = null,
    int? DirectionId = null,
    int? BodyId = null,
    FundingSource? Source = null,
    TermKind? TermKind = null,
    MeasureSort Sort = MeasureSort.Number,
    bool Descending = false,
    int Page = 0,
    int PageSize = 50,
    int? Year = null,
    ImplementationStatus? Status = null);

public sealed record MeasureGridRow(
    int Id, int DirectionId, string Direction, int Number, string Content, string TermText, TermKind TermKind,
    IReadOnlyList<string> Bodies, IReadOnlyList<YearAmount> FundingByYear);

public sealed record MeasureGridPage(IReadOnlyList<MeasureGridRow> Items, int Total);

/// <summary>The staff's measures grid: filtering, search, sorting and paging all done by the database.</summary>
public sealed class MeasureSearch(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    // Apostrophes come typed four ways (', ’, ʼ, `); each matches any of them.
    private static readonly char[] Apostrophes = ['\'', '’', 'ʼ', '`', '‘'];

    /// <summary>
    /// The plan's measures are public; their status in a year comes from approved reports, which only those who
    /// read every body's reports may filter by (an official reads only their own bodies').
    /// </summary>
    public async Task<MeasureGridPage> FindAsync(ClaimsPrincipal user, MeasureQuery query, CancellationToken ct = default)
    {
        if (query.Status is not null)
        {
            Permissions.Demand(user, Permissions.CanReadAllReports, "Measures by implementation status are for those who read every body's reports.");
        }

        await using var db = await dbFactory.CreateForAsync(user, ct);
        var measures = PlanScope.Measures(db, query.PlanId, query.DirectionId, query.BodyId).AsNoTracking();
        if (query.Year is { } year && query.Status is { } status)
        {
            // The dashboard's implementation figures open this list: the same status rule they count by.
            measures = MeasureImplementation.InStatus(db, measures, year, status);
        }

        if (query.Source is { } source)
        {
            measures = measures.Where(m => m.FundingLines.Any(f => f.Source == source));
        }

        if (query.TermKind is { } kind)
        {
            measures = measures.Where(m => m.Term.Kind == kind);
        }

        if (Pattern(query.Search) is { } pattern)
        {
            measures = measures.Where(m =>
                EF.Functions.ILike(m.Content, pattern, "\\")
                || m.Indicators.Any(i => EF.Functions.ILike(i.Text, pattern, "\\"))
                || m.ResponsibleBodies.Any(r =>
                    EF.Functions.ILike(r.ResponsibleBody.Name, pattern, "\\")
                    || EF.Functions.ILike(r.ResponsibleBody.ShortName, pattern, "\\")
                    || r.ResponsibleBody.Aliases.Any(a => EF.Functions.ILike(a, pattern, "\\"))));
        }

        var total = await measures.CountAsync(ct);
        var sorted = (query.Sort, query.Descending) switch
        {
            (MeasureSort.Content, false) => measures.OrderBy(m => m.Content),
            (MeasureSort.Content, true) => measures.OrderByDescending(m => m.Content),
            (MeasureSort.Term, false) => measures.OrderBy(m => m.Term.Text),
            (MeasureSort.Term, true) => measures.OrderByDescending(m => m.Term.Text),
            (MeasureSort.Funding, false) => measures.OrderBy(m => m.FundingLines.Sum(f => f.Amount)),
            (MeasureSort.Funding, true) => measures.OrderByDescending(m => m.FundingLines.Sum(f => f.Amount)),
            (_, false) => measures.OrderBy(m => m.Direction.Order).ThenBy(m => m.Number),
            (_, true) => measures.OrderByDescending(m => m.Direction.Order).ThenByDescending(m => m.Number),
        };
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await sorted.ThenBy(m => m.Id)
            .Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize)
            .Select(m => new
            {
                m.Id, m.DirectionId, Direction = m.Direction.Number, m.Number, m.Content, m.Term.Text, m.Term.Kind,
                Bodies = m.ResponsibleBodies.OrderBy(r => r.Position).Select(r => r.ResponsibleBody.ShortName).ToList(),
                Lines = m.FundingLines.Select(f => new { f.Year, f.Amount }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return new MeasureGridPage(
            rows.Select(r => new MeasureGridRow(r.Id, r.DirectionId, r.Direction, r.Number, r.Content, r.Text, r.Kind, r.Bodies,
                r.Lines.GroupBy(l => l.Year).OrderBy(g => g.Key).Select(g => new YearAmount(g.Key, g.Sum(l => l.Amount))).ToList())).ToList(),
            total);
    }

    /// <summary>A LIKE pattern for the words as typed: wildcards escaped, any apostrophe matching any other.</summary>
    internal static string? Pattern(string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var escaped = new System.Text.StringBuilder("%");
        foreach (var c in text)
        {
            if (Apostrophes.Contains(c))
            {
                escaped.Append('_');
            }
            else
            {
                if (c is '%' or '_' or '\\')
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }
        }

        return escaped.Append('%').ToString();
    }
}
