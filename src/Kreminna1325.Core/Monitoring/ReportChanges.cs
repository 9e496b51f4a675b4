namespace Kreminna1325.Core.Monitoring;

/// <summary>A report of a measure was saved, submitted or reviewed, and the change is committed.</summary>
public sealed record ReportChange(int MeasureId);

/// <summary>
/// Tells whoever shows counts of reports (the navigation of every open circuit) that a report changed, so a count
/// follows what people do instead of waiting for a reload. Raised by <see cref="ReportService"/> after the commit.
/// Only this process hears it: with several instances, another instance's circuits catch up on their next load.
/// </summary>
public sealed class ReportChanges
{
    private readonly Lock gate = new();
    private Action<ReportChange>[] listeners = [];

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

    public void Raise(ReportChange change)
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
