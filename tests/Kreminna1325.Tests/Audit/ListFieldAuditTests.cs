using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Audit;

/// <summary>
/// List-valued fields are compared by value: an update records a list only when its elements changed,
/// never a list that was reassigned equal or carried along by another field's change. The audit table
/// is append-only, so any noise written there stays for ever.
/// </summary>
public class ListFieldAuditTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A row with a list field and another field, and the changes the tests make to them.</summary>
    private sealed record Subject(
        string Entity, string ListField, string OtherField, Func<AppDbContext, Task<object>> Find, Func<object, string> Key,
        Func<object, IEnumerable> List, Action<object> ReassignEqual, Action<object> ChangeListInPlace, Action<object> ChangeOther);

    private static readonly string[] Covered = ["Indicator.Disaggregations", "ResponsibleBody.Aliases", "IndicatorValue.Entries"];

    public static TheoryData<string> ListFields() => new(Covered);

    [Fact]
    public void Every_list_field_of_the_model_is_covered_here()
    {
        using var db = database.DbFactory.CreateDbContext();
        var lists = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Select(p => (Entity: t.ClrType.Name, Property: p)))
            .Where(x => x.Property.ClrType != typeof(string) && x.Property.ClrType != typeof(byte[]) && typeof(IEnumerable).IsAssignableFrom(x.Property.ClrType))
            .Select(x => $"{x.Entity}.{x.Property.Name}")
            .Order();
        Assert.Equal(Covered.Order(), lists);
    }

    [Theory]
    [MemberData(nameof(ListFields))]
    public async Task A_list_reassigned_equal_records_nothing(string field)
    {
        var subject = SubjectOf(field);
        var records = await UpdateAsync(subject, subject.ReassignEqual);
        Assert.Empty(records);
    }

    [Theory]
    [MemberData(nameof(ListFields))]
    public async Task A_list_reassigned_equal_beside_another_change_records_only_that_change(string field)
    {
        var subject = SubjectOf(field);
        var records = await UpdateAsync(subject, row =>
        {
            subject.ReassignEqual(row);
            subject.ChangeOther(row);
        });
        Assert.Equal([subject.OtherField], Fields(Assert.Single(records)));
    }

    [Theory]
    [MemberData(nameof(ListFields))]
    public async Task An_update_of_another_field_records_only_that_field(string field)
    {
        var subject = SubjectOf(field);
        var records = await UpdateAsync(subject, subject.ChangeOther);
        Assert.Equal([subject.OtherField], Fields(Assert.Single(records)));
    }

    [Theory]
    [MemberData(nameof(ListFields))]
    public async Task A_changed_list_records_exactly_that_field_with_its_old_and_new_elements(string field)
    {
        var subject = SubjectOf(field);
        JsonNode? before = null, after = null;
        var records = await UpdateAsync(subject, row =>
        {
            before = JsonSerializer.SerializeToNode(subject.List(row), Json);
            subject.ChangeListInPlace(row);
            after = JsonSerializer.SerializeToNode(subject.List(row), Json);
        });

        var record = Assert.Single(records);
        Assert.Equal(AuditAction.Update, record.Action);
        var change = Assert.Single(FieldChange.Parse(record.Changes));
        Assert.Equal(subject.ListField, change.Field);
        Assert.False(JsonNode.DeepEquals(before, after), "the test changed the list");
        Assert.True(JsonNode.DeepEquals(before, change.Old), $"old: {change.Old?.ToJsonString()}, expected {before?.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(after, change.New), $"new: {change.New?.ToJsonString()}, expected {after?.ToJsonString()}");
    }

    private static string[] Fields(AuditEntry record) => [.. FieldChange.Parse(record.Changes).Select(c => c.Field)];

    /// <summary>Runs one update of the subject's row and returns the audit records written for that row.</summary>
    private async Task<List<AuditEntry>> UpdateAsync(Subject subject, Action<object> update)
    {
        string key;
        long since;
        await using (var db = await database.DbFactory.CreateDbContextAsync())
        {
            var row = await subject.Find(db);
            since = await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
            key = subject.Key(row);
            update(row);
            await db.SaveChangesAsync();
        }

        await using var check = await database.DbFactory.CreateDbContextAsync();
        return await check.AuditEntries.AsNoTracking()
            .Where(a => a.Id > since && a.EntityType == subject.Entity && a.EntityKey == key).ToListAsync();
    }

    private Subject SubjectOf(string field) => field switch
    {
        "Indicator.Disaggregations" => new Subject(
            nameof(Indicator), nameof(Indicator.Disaggregations), nameof(Indicator.Text),
            async db => await db.Indicators.OrderBy(i => i.Id).FirstAsync(i => i.Disaggregations.Count > 0),
            row => ((Indicator)row).Id.ToString(),
            row => ((Indicator)row).Disaggregations,
            row => ((Indicator)row).Disaggregations = [.. ((Indicator)row).Disaggregations],
            row => Toggle(((Indicator)row).Disaggregations, Disaggregation.PlaceOfResidence),
            row => ((Indicator)row).Text += " (уточнено)"),
        "ResponsibleBody.Aliases" => new Subject(
            nameof(ResponsibleBody), nameof(ResponsibleBody.Aliases), nameof(ResponsibleBody.ShortName),
            async db => await db.ResponsibleBodies.OrderBy(b => b.Id).FirstAsync(b => b.Aliases.Count > 0),
            row => ((ResponsibleBody)row).Id.ToString(),
            row => ((ResponsibleBody)row).Aliases,
            row => ((ResponsibleBody)row).Aliases = [.. ((ResponsibleBody)row).Aliases],
            row => Toggle(((ResponsibleBody)row).Aliases, "Інше написання"),
            row => ((ResponsibleBody)row).ShortName += "·"),
        "IndicatorValue.Entries" => new Subject(
            nameof(IndicatorValue), nameof(IndicatorValue.Entries), nameof(IndicatorValue.Text),
            async db =>
            {
                var id = await ListValueIdAsync();
                return await db.IndicatorValues.SingleAsync(v => v.Id == id);
            },
            row => ((IndicatorValue)row).Id.ToString(),
            row => ((IndicatorValue)row).Entries,
            row => ((IndicatorValue)row).Entries = [.. ((IndicatorValue)row).Entries],
            row => Toggle(((IndicatorValue)row).Entries, "Кремінський ліцей"),
            row => ((IndicatorValue)row).Text += "·"),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static void Toggle<T>(List<T> list, T item)
    {
        if (!list.Remove(item))
        {
            list.Add(item);
        }
    }

    /// <summary>A reported value of a list indicator, made once for the class.</summary>
    private async Task<int> ListValueIdAsync()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        if (await db.IndicatorValues.Select(v => (int?)v.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        var indicator = await db.Indicators.OrderBy(i => i.Id).FirstAsync(i => i.Kind == IndicatorKind.List);
        var period = await db.ReportingPeriods.Where(p => p.MeasureId == indicator.MeasureId).OrderBy(p => p.Start).FirstAsync();
        var value = new IndicatorValue { IndicatorId = indicator.Id, MeasureId = indicator.MeasureId, Entries = ["ЦСССДМ", "Кремінська гімназія №1"], Text = "" };
        db.Reports.Add(new Report { PeriodId = period.Id, MeasureId = indicator.MeasureId, Values = [value] });
        await db.SaveChangesAsync();
        return value.Id;
    }
}
