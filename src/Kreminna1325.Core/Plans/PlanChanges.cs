using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kreminna1325.Core.Plans;

/// <summary>
/// Tells whoever keeps copies of published plan data (the web's output cache) that the plan changed.
/// Raised by <see cref="PlanChangeInterceptor"/> once a change to a plan, direction, measure, body,
/// indicator, funding line or printed total is committed, whoever made it: editor, API, registry, seed.
/// </summary>
public sealed class PlanChanges
{
    private readonly Lock gate = new();
    private Func<CancellationToken, ValueTask>[] listeners = [];
    private Action? forward;

    public void Subscribe(Func<CancellationToken, ValueTask> listener)
    {
        lock (gate)
        {
            listeners = [.. listeners, listener];
        }
    }

    /// <summary>
    /// Where a change committed by this process is also sent, for the other instances on the database (the web's
    /// database notifications); they hear it through <see cref="RaiseFromElsewhereAsync"/>, which sends nothing on.
    /// </summary>
    public void ForwardTo(Action forward) => this.forward = forward;

    /// <summary>A change committed by this process: its own listeners, then the other instances.</summary>
    public async ValueTask RaiseAsync(CancellationToken ct = default)
    {
        await RaiseFromElsewhereAsync(ct);
        forward?.Invoke();
    }

    /// <summary>A change another instance committed (or one this instance may have missed): only this process's listeners.</summary>
    public async ValueTask RaiseFromElsewhereAsync(CancellationToken ct = default)
    {
        foreach (var listener in listeners)
        {
            await listener(ct);
        }
    }
}

/// <summary>
/// Raises <see cref="PlanChanges"/> after the commit, not after SaveChanges: a reader that rendered
/// between the save and the commit of a longer transaction would otherwise cache the old data again.
/// </summary>
public sealed class PlanChangeInterceptor(PlanChanges changes) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly string? PlanNamespace = typeof(Plan).Namespace;

    // Contexts that saved plan data whose commit is still to come; one interceptor serves many contexts.
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly object Saved = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RaiseIfCommittedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        await RaiseIfCommittedAsync(eventData.Context);
        return result;
    }

    // A failed save inside a caller's transaction may follow an earlier successful one: the commit or rollback decides.
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            Forget(eventData.Context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        RaiseAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) =>
        await RaiseAsync(eventData.Context);

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Metadata.ClrType.Namespace == PlanNamespace))
        {
            Pending.AddOrUpdate(db, Saved);
        }
    }

    // Without a transaction of the caller's, the save has committed by now.
    private ValueTask RaiseIfCommittedAsync(DbContext? db) =>
        db?.Database.CurrentTransaction is null ? RaiseAsync(db) : ValueTask.CompletedTask;

    // Not the caller's token: once the change is committed, the copies must go even if the request is cancelled.
    private ValueTask RaiseAsync(DbContext? db) =>
        db is not null && Pending.Remove(db) ? changes.RaiseAsync(CancellationToken.None) : ValueTask.CompletedTask;

    private static void Forget(DbContext? db)
    {
        if (db is not null)
        {
            Pending.Remove(db);
        }
    }
}
