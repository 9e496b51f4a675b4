namespace Kreminna1325.Core.Monitoring;

/// <summary>A report of a measure was saved, submitted or reviewed, and the change is committed.</summary>
public sealed record ReportChange(int MeasureId);

/// <summary>
/// Tells whoever shows counts of reports (the navigation of every open circuit) that a report changed, so a count
/// follows what people do instead of waiting for a reload. Raised by <see cref="ReportService"/> after the commit.
/// Other instances on the same database hear it too, through PostgreSQL's NOTIFY (the web's database notifications).
/// </summary>
public sealed class ReportChanges
{
    private readonly Lock gate = new();
    private Action<ReportChange>[] listeners = [];
    private Action<ReportChange>? forward;

    /// <summary>
    /// The listener must return at once (a circuit hands the work to its own dispatcher) and must not throw:
    /// the change is committed, so the writer is not to be told otherwise. Dispose the result to stop listening.
    /// </summary>
    public IDisposable Subscribe(Action<ReportChange> listener)
    {
        lock (gate)
        {
            listeners = [.. listeners, listener];
        }

        return new Subscription(this, listener);
    }

    /// <summary>
    /// Where a change committed by this process is also sent, for the other instances on the database (the web's
    /// database notifications); they hear it through <see cref="RaiseFromElsewhere"/>, which sends nothing on.
    /// </summary>
    public void ForwardTo(Action<ReportChange> forward) => this.forward = forward;

    /// <summary>A change committed by this process: its own listeners, then the other instances.</summary>
    public void Raise(ReportChange change)
    {
        RaiseFromElsewhere(change);
        forward?.Invoke(change);
    }

    /// <summary>A change another instance committed: only this process's listeners.</summary>
    public void RaiseFromElsewhere(ReportChange change)
    {
        foreach (var listener in listeners)
        {
            listener(change);
        }
    }

    private void Unsubscribe(Action<ReportChange> listener)
    {
        lock (gate)
        {
            listeners = [.. listeners.Where(l => l != listener)];
        }
    }

    private sealed class Subscription(ReportChanges changes, Action<ReportChange> listener) : IDisposable
    {
        public void Dispose() => changes.Unsubscribe(listener);
    }
}
