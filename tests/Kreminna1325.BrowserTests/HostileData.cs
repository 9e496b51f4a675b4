using System.Security.Cryptography;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kreminna1325.BrowserTests;

/// <summary>
/// Overwrites every text a person can type — every string column of the model that is not a key, a
/// code or an Identity internal — with markup that would show up as an element or attribute carrying
/// a marker if any page, chart, title or download rendered it as markup. Found by reflection over the
/// EF model, so a text column added later is covered without touching this class.
/// </summary>
public sealed class HostileData
{
    /// <summary>Each field's payload carries its own number, so a finding names the field it came from.</summary>
    private static readonly string[] Templates =
    [
        "<img src=x data-pwned={n} onerror=alert({n})>",
        "\"><svg data-pwned={n} onload=alert({n})>",
        "<script data-pwned={n}>alert({n})</script>",
        "' onmouseover='alert({n})' data-pwned='{n}",
        "<a href=\"javascript:alert({n})\" data-pwned={n}>клік</a>",
        "<style data-pwned={n}>*{display:none}</style>",
        "<iframe data-pwned={n} src=\"javascript:alert({n})\"></iframe>",
        "{{7*7}} @(1+1) ${7*7} <b data-pwned={n}>",
        "\u202Eevil\u202C\u2066 \u0007<i data-pwned={n}>",
        "</textarea></title><u data-pwned={n}>",
        "]]></text><text data-pwned={n}>",
        "<link rel=stylesheet href=//x data-pwned={n}>",
        "<form action=\"javascript:alert({n})\" data-pwned={n}><button>ok</button></form>",
    ];

    /// <summary>Columns that hold codes or machine values the app writes itself, never a person's text.</summary>
    private static readonly HashSet<string> NotTyped =
    [
        "Direction.Number", // Roman numeral the editor computes from the order
        "ValueBreakdown.Category", // a category code of Breakdowns, checked on every write
        "Evidence.ContentType", // detected from the content
        "Evidence.Sha256",
        "AppUser.Culture", // one of the two languages, chosen, never typed
        "AppUser.CalendarToken", // random, made by the app
        "Community.Code", // a KATOTTG code, checked against the codifier
        "Community.OblastCode",
        "Community.Slug", // lower-case letters, digits and hyphens, checked
        "CommunityGrant.UserId", // keys and role names the app writes
        "CommunityGrant.Role",
        "CommunityGrant.OblastCode",
    ];

    public Dictionary<int, string> Fields { get; } = [];

    public int PlanId { get; private set; }
    public int MeasureId { get; private set; }
    public int DirectionId { get; private set; }
    public int BodyId { get; private set; }
    public int ApprovedPeriodId { get; private set; }
    public int OpenPeriodId { get; private set; }
    public int EvidenceId { get; private set; }
    public string EvidenceFileName { get; private set; } = "";

    /// <summary>
    /// The payload for a field's marker: every kind of payload at once where the column holds it, else
    /// one kind per row, changing from row to row; the row number keeps unique columns unique.
    /// </summary>
    public static string Payload(int marker, int row, int? maxLength = null)
    {
        var suffix = $" ·{row}";
        var all = string.Join(" ", Templates.Select(t => t.Replace("{n}", marker.ToString()))) + suffix;
        return maxLength is null || all.Length <= maxLength ? all : Templates[(marker + row) % Templates.Length].Replace("{n}", marker.ToString()) + suffix;
    }

    /// <summary>A payload for query strings and other text that does not come from the database.</summary>
    public const int Reflected = 0;

    public string FieldOf(int marker) =>
        marker == Reflected ? "the address" : marker > 1000 ? FieldOf(marker - 1000) + "[1]" : Fields.TryGetValue(marker, out var f) ? f : $"marker {marker}";

    public static async Task<HostileData> WriteAsync(IDbContextFactory<AppDbContext> dbFactory, TestActor actor)
    {
        var data = new HostileData();
        await using var db = await dbFactory.CreateDbContextAsync();

        // A report of the demo official's with an evidence file, so downloads and evidence lists have a name to show.
        var approved = await db.Reports.Include(r => r.Period).Where(r => r.Status == ReportStatus.Approved).OrderBy(r => r.Id).FirstAsync();
        var open = await db.Reports.Include(r => r.Period).Where(r => r.Status == ReportStatus.Returned || r.Status == ReportStatus.Draft).OrderBy(r => r.Id).FirstAsync();
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        var evidence = new Evidence
        {
            ReportId = approved.Id, MeasureId = approved.MeasureId, FileName = "placeholder.pdf", ContentType = "application/pdf",
            Size = pdf.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), Content = pdf,
            UploadedAt = DateTimeOffset.UtcNow, UploadedBy = "placeholder",
        };
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync();

        data.PlanId = await db.Plans.Select(p => p.Id).FirstAsync();
        data.MeasureId = approved.MeasureId;
        data.DirectionId = await db.Measures.Where(m => m.Id == approved.MeasureId).Select(m => m.DirectionId).FirstAsync();
        data.BodyId = await db.MeasureResponsibleBodies.Where(b => b.MeasureId == approved.MeasureId).OrderBy(b => b.Position).Select(b => b.ResponsibleBodyId).FirstAsync();
        data.ApprovedPeriodId = approved.PeriodId;
        data.OpenPeriodId = open.PeriodId;
        data.EvidenceId = evidence.Id;

        db.ChangeTracker.Clear();
        foreach (var type in EditableTypes(db.Model))
        {
            var set = (IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            foreach (var _ in set)
            {
                // Enumerating tracks every row.
            }
        }

        var markers = new Dictionary<string, int>();
        int MarkerOf(string field)
        {
            if (!markers.TryGetValue(field, out var m))
            {
                m = markers.Count + 1;
                markers[field] = m;
                data.Fields[m] = field;
            }

            return m;
        }

        foreach (var group in db.ChangeTracker.Entries().GroupBy(e => e.Metadata.ClrType.Name).OrderBy(g => g.Key))
        {
            var row = 0;
            foreach (var entry in group)
            {
                row++;
                foreach (var property in entry.Properties.Where(p => IsTyped(entry.Metadata, p.Metadata)))
                {
                    Overwrite(property, MarkerOf($"{group.Key}.{property.Metadata.Name}"), row);
                }

                foreach (var complex in entry.ComplexProperties)
                {
                    foreach (var property in complex.Properties.Where(p => p.Metadata.ClrType == typeof(string)))
                    {
                        Overwrite(property, MarkerOf($"{group.Key}.{complex.Metadata.Name}.{property.Metadata.Name}"), row);
                    }
                }
            }
        }

        // A stored name that would split or forge a response header if written into one as it is.
        var fileMarker = MarkerOf("Evidence.FileName");
        data.EvidenceFileName = $"звіт\"; filename=evil.html\r\nX-Pwned: 1\r\n<img data-pwned={fileMarker}>\u202Efdp.exe";
        db.Entry(await db.Evidence.FindAsync(evidence.Id) ?? throw new InvalidOperationException()).Property(e => e.FileName).CurrentValue = data.EvidenceFileName;

        // The audit trail records these changes under a hostile actor's name, so /audit shows hostile text in every column.
        actor.Current = new Actor(null, Payload(MarkerOf("AuditEntry.UserName"), 0, 256));
        await db.SaveChangesAsync();
        actor.Current = Actor.System;
        return data;
    }

    private static IEnumerable<IEntityType> EditableTypes(IModel model) =>
        model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType && t.BaseType is null && t.ClrType != typeof(AuditEntry)
            && t.GetProperties().Concat(t.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties())).Any(p => IsText(p)));

    private static bool IsText(IReadOnlyPropertyBase property) => property.ClrType == typeof(string) || property.ClrType == typeof(List<string>);

    private static bool IsTyped(IEntityType type, IProperty property) =>
        IsText(property) && !property.IsKey() && !property.IsForeignKey() && !property.IsConcurrencyToken
        && !property.Name.EndsWith("Id", StringComparison.Ordinal)
        && !NotTyped.Contains($"{type.ClrType.Name}.{property.Name}")
        && !(typeof(AppUser).IsAssignableFrom(type.ClrType) && typeof(IdentityUser).GetProperty(property.Name) is not null)
        && type.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true;

    private static void Overwrite(PropertyEntry property, int marker, int row)
    {
        var max = property.Metadata.GetMaxLength();
        var text = Payload(marker, row, max);
        if (text.Length > max)
        {
            throw new InvalidOperationException($"{property.Metadata.Name} holds at most {max} characters; give it a shorter payload.");
        }

        property.CurrentValue = property.Metadata.ClrType == typeof(List<string>) ? new List<string> { text, Payload(marker + 1000, row + 1) } : text;
    }
}
