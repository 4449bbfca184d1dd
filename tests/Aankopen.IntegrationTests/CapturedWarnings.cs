using System.Collections.Concurrent;

namespace Aankopen.IntegrationTests;

/// <summary>
/// A logging provider that keeps every warning and error in memory, with its category and the values of the scopes
/// it was logged in (such as the request's correlation id), as a console or JSON log with scopes would show them.
/// </summary>
public sealed class CapturedWarnings : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<(string Category, string Message, string Scopes)> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<(string Category, string Message, string Scopes)> All => entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(string category, CapturedWarnings owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var values = new List<string>();
            owner.scopes.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                    list.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                else if (scope is not null)
                    list.Add(scope.ToString()!);
            }, values);
            owner.entries.Enqueue((category, formatter(state, exception), string.Join(" ", values)));
        }
    }
}
