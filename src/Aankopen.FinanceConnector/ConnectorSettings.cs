namespace Aankopen.FinanceConnector;

/// <summary>Which administration this connector serves (<c>Connector:Administration</c>) and where its finance system is.</summary>
public sealed class ConnectorSettings
{
    public string Administration { get; set; } = "";

    /// <summary><c>FinanceSystem:BaseUrl</c>: the finance system's address; <c>commitments</c> is posted under it.</summary>
    public Uri? FinanceSystemBaseUrl { get; set; }

    /// <summary><c>Connector:MaxRetries</c> (default 5): redeliveries before a message goes to the error queue.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary><c>Connector:RetryMinSeconds</c>/<c>RetryMaxSeconds</c> (1 and 60): the exponential redelivery range.</summary>
    public TimeSpan RetryMin { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>Connector:Concurrency</c> (default 16): messages handed to the finance system at once. Messages of one
    /// tender or membership are always handed over one after the other, in order; 1 makes the whole queue sequential.
    /// </summary>
    public int Concurrency { get; set; } = 16;

    /// <summary><c>FinanceSystem:AttemptTimeoutSeconds</c> (default 10): how long one call may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>FinanceSystem:RetryDelaySeconds</c> (default 2): the base of Polly's jittered exponential backoff.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public static ConnectorSettings Read(IConfiguration configuration)
    {
        var settings = new ConnectorSettings
        {
            Administration = configuration["Connector:Administration"]?.Trim() ?? "",
            MaxRetries = configuration.GetValue("Connector:MaxRetries", 5),
            Concurrency = configuration.GetValue("Connector:Concurrency", 16),
            RetryMin = TimeSpan.FromSeconds(configuration.GetValue("Connector:RetryMinSeconds", 1.0)),
            RetryMax = TimeSpan.FromSeconds(configuration.GetValue("Connector:RetryMaxSeconds", 60.0)),
            AttemptTimeout = TimeSpan.FromSeconds(configuration.GetValue("FinanceSystem:AttemptTimeoutSeconds", 10.0)),
            RetryDelay = TimeSpan.FromSeconds(configuration.GetValue("FinanceSystem:RetryDelaySeconds", 2.0)),
        };
        var problems = new List<string>();
        if (!System.Text.RegularExpressions.Regex.IsMatch(settings.Administration, "^[A-Z0-9-]{2,20}$"))
            problems.Add($"Connector:Administration is '{settings.Administration}'; set it to the code of the administration this connector serves (e.g. GEMEENTE).");
        var url = configuration["FinanceSystem:BaseUrl"];
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            settings.FinanceSystemBaseUrl = uri;
        else
            problems.Add($"FinanceSystem:BaseUrl is '{url}'; set it to the http(s) address of the finance system (e.g. http://127.0.0.1:5300/systems/GEMEENTE).");
        if (settings.MaxRetries is < 0 or > 100)
            problems.Add($"Connector:MaxRetries is {settings.MaxRetries}; use 0 to 100.");
        if (settings.Concurrency is < 1 or > 256)
            problems.Add($"Connector:Concurrency is {settings.Concurrency}; use 1 to 256 (messages handed to the finance system at once).");
        if (settings.RetryMin <= TimeSpan.Zero || settings.RetryMax < settings.RetryMin)
            problems.Add("Connector:RetryMinSeconds must be positive and at most Connector:RetryMaxSeconds.");
        if (settings.AttemptTimeout < TimeSpan.FromMilliseconds(100) || settings.RetryDelay <= TimeSpan.Zero)
            problems.Add("FinanceSystem:AttemptTimeoutSeconds must be at least 0.1 and FinanceSystem:RetryDelaySeconds positive.");
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join(" ", problems));
        return settings;
    }
}
