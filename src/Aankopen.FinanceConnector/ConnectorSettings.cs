namespace Aankopen.FinanceConnector;

/// <summary>Which administration this connector serves (<c>Connector:Administration</c>) and where its finance system is.</summary>
public sealed class ConnectorSettings
{
    public string Administration { get; set; } = "";

    /// <summary><c>FinanceSystem:BaseUrl</c>: the finance system's address; <c>commitments</c> is posted under it.</summary>
    public Uri? FinanceSystemBaseUrl { get; set; }

    public static ConnectorSettings Read(IConfiguration configuration)
    {
        var settings = new ConnectorSettings
        {
            Administration = configuration["Connector:Administration"]?.Trim() ?? "",
        };
        var problems = new List<string>();
        if (!System.Text.RegularExpressions.Regex.IsMatch(settings.Administration, "^[A-Z0-9-]{2,20}$"))
            problems.Add($"Connector:Administration is '{settings.Administration}'; set it to the code of the administration this connector serves (e.g. GEMEENTE).");
        var url = configuration["FinanceSystem:BaseUrl"];
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            settings.FinanceSystemBaseUrl = uri;
        else
            problems.Add($"FinanceSystem:BaseUrl is '{url}'; set it to the http(s) address of the finance system (e.g. http://127.0.0.1:5300/systems/GEMEENTE).");
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join(" ", problems));
        return settings;
    }
}
