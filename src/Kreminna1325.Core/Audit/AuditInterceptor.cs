using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kreminna1325.Core.Audit;

/// <summary>
/// Records every insert, update and delete in audit_entries, in the same transaction as the change:
/// if the change commits, so does its record, and if either fails, neither is written.
/// </summary>
/// <remarks>
/// Inserted rows get their keys from the database, so their records are written after the change's
/// own statements but before the commit, through a transaction this interceptor opens when the
/// caller has none.
/// </remarks>
public sealed class AuditInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    // Values nobody should read back from an audit record, but whose change is worth knowing.
    private static readonly HashSet<string> Masked = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "CalendarToken"];

    // Messages and their delivery, and the schedules' bookkeeping: the events they tell of are audited themselves. A
    // measure's status of a year is a view over the reports, never written.
    private static readonly HashSet<Type> Unaudited =
        [typeof(Notifications.Notification), typeof(Notifications.ScheduleRun), typeof(Notifications.ReminderMark), typeof(Monitoring.MeasureYearStatus)];

    // Derived or bookkeeping columns that would only add noise.
    private static readonly HashSet<string> Skipped = ["Version", "CommunityId", "NormalizedEmail", "NormalizedUserName", "NormalizedName"];

    /// <summary>Whether changes to rows of this type are recorded (what the history must be able to name).</summary>
    public static bool IsAudited(Type entity) => entity != typeof(AuditEntry) && !Unaudited.Contains(entity);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await CaptureAsync(db, ct);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db)
        {
            CaptureAsync(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await WriteAsync(db, ct);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is AppDbContext db)
        {
            WriteAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default) =>
        await AbandonAsync(eventData.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default) =>
        await AbandonAsync(eventData.Context);

    private async ValueTask CaptureAsync(AppDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var pending = new List<PendingRecord>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("Audit records cannot be changed or deleted.");
                }

                continue;
            }

            if (!IsAudited(entry.Metadata.ClrType))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new PendingRecord(entry, AuditAction.Insert, null, null));
                    break;
                case EntityState.Modified:
                    var changes = Changes(entry, original: true, current: true);
                    if (changes.Count > 0)
                    {
                        pending.Add(new PendingRecord(entry, AuditAction.Update, KeyOf(entry), changes));
                    }

                    break;
                case EntityState.Deleted:
                    pending.Add(new PendingRecord(entry, AuditAction.Delete, KeyOf(entry), Changes(entry, original: true, current: false)));
                    break;
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        db.Audit.Pending = pending;
        db.Audit.Granted = AuditCommunity.Granted(db.ChangeTracker);
        db.Audit.Actor = await actor.GetAsync(ct);
        if (db.Database.CurrentTransaction is null)
        {
            db.Audit.OwnedTransaction = await db.Database.BeginTransactionAsync(ct);
        }
    }

    private async Task WriteAsync(AppDbContext db, CancellationToken ct)
    {
        var state = db.Audit;
        if (state.Pending is not { } pending)
        {
            return;
        }

        try
        {
            var at = clock.GetUtcNow();
            var who = state.Actor ?? Actor.System;
            var records = pending.Select(p => new AuditEntry
            {
                At = at,
                UserId = who.UserId,
                UserName = who.Name,
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityKey = p.Key ?? KeyOf(p.Entry),
                Action = p.Action,
                MeasureId = MeasureOf(p.Entry, p.Action),
                CommunityId = AuditCommunity.Of(p.Entry, state.Granted),
                Changes = FieldChange.Serialize(p.Changes ?? Changes(p.Entry, original: false, current: true)),
            }).ToList();

            await InsertAsync(db, records, ct);
            if (state.OwnedTransaction is { } tx)
            {
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            await state.ResetAsync();
        }
    }

    private static async Task AbandonAsync(DbContext? context)
    {
        if (context is AppDbContext db)
        {
            if (db.Audit.OwnedTransaction is { } tx)
            {
                await tx.RollbackAsync();
            }

            await db.Audit.ResetAsync();
        }
    }

    /// <summary>One statement for all records of a save, in the change's transaction.</summary>
    private static Task InsertAsync(AppDbContext db, List<AuditEntry> records, CancellationToken ct)
    {
        var at = records.Select(r => r.At).ToArray();
        var userIds = records.Select(r => r.UserId).ToArray();
        var userNames = records.Select(r => r.UserName).ToArray();
        var types = records.Select(r => r.EntityType).ToArray();
        var keys = records.Select(r => r.EntityKey).ToArray();
        var actions = records.Select(r => r.Action.ToString()).ToArray();
        var measures = records.Select(r => r.MeasureId).ToArray();
        var communities = records.Select(r => r.CommunityId).ToArray();
        var changes = records.Select(r => r.Changes).ToArray();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_entries (at, user_id, user_name, entity_type, entity_key, action, measure_id, community_id, changes)
            SELECT t.at, t.user_id, t.user_name, t.entity_type, t.entity_key, t.action, t.measure_id, t.community_id, t.changes::jsonb
            FROM unnest({at}::timestamptz[], {userIds}::text[], {userNames}::text[], {types}::text[], {keys}::text[],
                        {actions}::text[], {measures}::int[], {communities}::int[], {changes}::text[])
                 AS t(at, user_id, user_name, entity_type, entity_key, action, measure_id, community_id, changes)
            """, ct);
    }

    private static List<FieldChange> Changes(EntityEntry entry, bool original, bool current)
    {
        var result = new List<FieldChange>();
        foreach (var property in Properties(entry))
        {
            var name = property.Metadata.Name;
            if (Skipped.Contains(name))
            {
                continue;
            }

            var oldValue = original ? property.OriginalValue : null;
            var newValue = current ? property.CurrentValue : null;
            // EF's own comparer for the property: lists and byte arrays by their elements, not by reference
            // (EF keeps a copy of a list as its original value, so a reference comparison would record every list
            // on every update of its row, and the append-only table would keep that noise for ever).
            if (original && current && property.Metadata.GetValueComparer().Equals(oldValue, newValue))
            {
                continue;
            }

            var path = property.Metadata.DeclaringType is Microsoft.EntityFrameworkCore.Metadata.IComplexType complex
                ? $"{complex.ComplexProperty.Name}.{name}"
                : name;
            result.Add(Masked.Contains(name)
                ? new FieldChange(path, oldValue is null ? null : "***", newValue is null ? null : "***")
                : new FieldChange(path, ToJson(oldValue), ToJson(newValue)));
        }

        return result;
    }

    private static IEnumerable<PropertyEntry> Properties(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            yield return property;
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                yield return property;
            }
        }
    }

    // Files are recorded by size and hash (their own columns), never copied into the trail.
    private static System.Text.Json.Nodes.JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        byte[] bytes => $"{bytes.Length} bytes",
        _ => System.Text.Json.JsonSerializer.SerializeToNode(value, value.GetType(), FieldChange.Json),
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue));

    private static int? MeasureOf(EntityEntry entry, AuditAction action) => entry.Entity switch
    {
        Plans.Measure m => action == AuditAction.Delete ? (int?)entry.Property(nameof(Plans.Measure.Id)).OriginalValue : m.Id,
        IBelongsToMeasure part => part.MeasureId,
        _ => null,
    };

    internal sealed record PendingRecord(EntityEntry Entry, AuditAction Action, string? Key, List<FieldChange>? Changes);
}

/// <summary>What the interceptor carries from "saving" to "saved" for one context.</summary>
internal sealed class AuditState
{
    public List<AuditInterceptor.PendingRecord>? Pending { get; set; }
    public Actor? Actor { get; set; }
    public IReadOnlyDictionary<string, int> Granted { get; set; } = new Dictionary<string, int>();
    public IDbContextTransaction? OwnedTransaction { get; set; }

    public async Task ResetAsync()
    {
        Pending = null;
        Actor = null;
        Granted = new Dictionary<string, int>();
        if (OwnedTransaction is { } tx)
        {
            OwnedTransaction = null;
            await tx.DisposeAsync();
        }
    }
}
