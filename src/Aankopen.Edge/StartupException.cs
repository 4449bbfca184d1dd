namespace Aankopen.Edge;

/// <summary>A start-up problem a person can fix from its message alone; printed as one line, without a stack trace.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Reads settings whose checks throw InvalidOperationException, turning a refusal into a start-up problem.</summary>
    public static T Checked<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException(e.Message, e);
        }
    }
}
