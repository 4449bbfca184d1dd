using System.Diagnostics;

namespace Aankopen.IntegrationTests;

/// <summary>Runs a checker from outside .NET (node, docker-compose, python) in the repository and collects what it said.</summary>
public static class ExternalTool
{
    public static readonly string Root = FindRoot();

    /// <param name="environment">Variables to set for the tool; a null value removes the variable.</param>
    public static async Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A test stopped (its hang timeout, a cancelled run) leaves no tool running behind it.
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output + await error);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Aankopen.sln")))
                return dir.FullName;
        throw new InvalidOperationException("No Aankopen.sln above the test folder.");
    }
}
