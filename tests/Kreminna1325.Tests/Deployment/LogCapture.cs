using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Kreminna1325.Tests.Deployment;

/// <summary>Every event the app logs through Serilog, registered in the app's services (Logging.cs reads sinks from there).</summary>
public sealed class LogCapture : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}
