namespace Aankopen.Api.Infrastructure;

/// <summary>A start-up problem a person can fix from its message alone; printed as one line, without a stack trace.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
