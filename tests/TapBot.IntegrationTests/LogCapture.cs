using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TapBot.IntegrationTests;

/// <summary>Every log line the host writes, at every level.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Queue { get; } = new();
    public IReadOnlyList<string> Lines => Queue.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Queue);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
