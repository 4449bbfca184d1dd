namespace Aankopen.FinanceConnector;

/// <summary>
/// Which administrations this connector serves, and how it calls their finance systems. Either one administration
/// (<c>Connector:Administration</c>, <c>Connector:Tenant</c>, <c>FinanceSystem:BaseUrl</c>), or every administration
/// listed in a registry file (<c>Connector:Registry</c>, see <see cref="DestinationRegistry"/>). The
/// retry, timeout and breaker settings apply to each administration on its own.
/// </summary>
public sealed class ConnectorSettings
{
    /// <summary><c>Connector:Administration</c>: the one administration served, when there is no registry.</summary>
    public string Administration { get; set; } = "";

    /// <summary><c>Connector:Tenant</c> (default <c>default</c>): the municipality's group the administration belongs to.</summary>
    public string Tenant { get; set; } = "default";

    /// <summary><c>FinanceSystem:BaseUrl</c>: the one administration's finance system; <c>commitments</c> is posted under it.</summary>
    public Uri? FinanceSystemBaseUrl { get; set; }

    /// <summary><c>Connector:Registry</c>: a JSON file listing the administrations served and where their finance systems are.</summary>
    public string? Registry { get; set; }

    /// <summary>
    /// <c>Connector:SecretsDirectory</c> (default <c>/run/secrets/aankopen-finance</c>): where the registry's credentials
    /// are, one file each, named as the registry names them.
    /// </summary>
    public string SecretsDirectory { get; set; } = "/run/secrets/aankopen-finance";

    /// <summary>
    /// <c>Connector:Replicas</c> (default 1) and <c>Connector:Replica</c> (0 to Replicas-1, or a name ending in that
    /// number, such as a StatefulSet pod's <c>aankopen-connector-2</c>): how many connectors share the registry's
    /// administrations and which of them this one is.
    /// </summary>
    public int Replicas { get; set; } = 1;
    public int Replica { get; set; }

    /// <summary>
    /// <c>Connector:Group</c>: which set of replicas this one belongs to, so that two deployments sharing a broker (two
    /// providers, or a test beside production) never stand in for each other. Default: the replica name's part before
    /// its number (<c>aankopen-connector</c> for the pod <c>aankopen-connector-2</c>), or <c>default</c> for a bare number;
    /// two deployments of the same name on one broker (two namespaces) must each set their own.
    /// </summary>
    public string Group { get; set; } = "default";

    /// <summary>
    /// <c>Connector:AssignmentSeconds</c> (default 2): how often the connector rereads the registry and looks which
    /// replicas are present, to take over the administrations of one that went away and hand them back when it returns.
    /// </summary>
    public TimeSpan AssignmentInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <c>Connector:ArrivalSeconds</c> (default 15): how long a replica is present before it stands in for absent ones
    /// (the others of its group, started at the same moment, may still be on their way).
    /// </summary>
    public TimeSpan ArrivalWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// <c>Connector:StreamsAtOnce</c> (default 8): how many messages of one queue are booked at once, at most. They are
    /// of different tenders: each tender's (and membership's) own stay one after the other, in the order they were
    /// recorded. A replica with many administrations books fewer per queue (<see cref="QueueAssignments.StreamsPerQueue"/>);
    /// 1 books every queue one message at a time.
    /// </summary>
    public int StreamsAtOnce { get; set; } = 8;

    /// <summary><c>Connector:MaxRetries</c> (default 5): redeliveries before a message goes to the error queue.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary><c>Connector:RetryMinSeconds</c>/<c>RetryMaxSeconds</c> (1 and 60): the exponential redelivery range.</summary>
    public TimeSpan RetryMin { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary><c>FinanceSystem:AttemptTimeoutSeconds</c> (default 10): how long one call may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>FinanceSystem:RetryDelaySeconds</c> (default 2): the base of Polly's jittered exponential backoff.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <c>FinanceSystem:BreakerMinimumThroughput</c> (default 100) and <c>FinanceSystem:BreakSeconds</c> (default 5):
    /// the circuit breaker opens once that many calls in its window include more than one failure in ten, and then
    /// holds every call back for that long.
    /// </summary>
    public int BreakerMinimumThroughput { get; set; } = 100;
    public TimeSpan Break { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>FinanceSystem:BreakerSamplingSeconds</c> (default 30, at least twice the attempt timeout): the breaker's window.
    /// The calls of the window before an outage count too: after a busy half minute, a longer window needs more failures
    /// before it opens.
    /// </summary>
    public TimeSpan BreakerSampling { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>FinanceSystem:BreakerPatienceSeconds</c> (default 300): how long one delivery attempt waits for an open
    /// breaker to let it through before the attempt counts as failed. Waiting does not spend a redelivery.
    /// </summary>
    public TimeSpan BreakerPatience { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>FinanceSystem:ProbeSeconds</c> (default 30): how often the connector checks that the finance system answers.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    public static ConnectorSettings Read(IConfiguration configuration)
    {
        var settings = new ConnectorSettings
        {
            Administration = configuration["Connector:Administration"]?.Trim() ?? "",
            Registry = configuration["Connector:Registry"]?.Trim() is { Length: > 0 } registry ? registry : null,
            SecretsDirectory = configuration["Connector:SecretsDirectory"]?.Trim() is { Length: > 0 } secrets ? secrets : "/run/secrets/aankopen-finance",
            Replicas = configuration.GetValue("Connector:Replicas", 1),
            AssignmentInterval = TimeSpan.FromSeconds(configuration.GetValue("Connector:AssignmentSeconds", 2.0)),
            ArrivalWait = TimeSpan.FromSeconds(configuration.GetValue("Connector:ArrivalSeconds", 15.0)),
            Tenant = configuration["Connector:Tenant"]?.Trim() is { Length: > 0 } tenant ? tenant : "default",
            StreamsAtOnce = configuration.GetValue("Connector:StreamsAtOnce", 8),
            MaxRetries = configuration.GetValue("Connector:MaxRetries", 5),
            RetryMin = TimeSpan.FromSeconds(configuration.GetValue("Connector:RetryMinSeconds", 1.0)),
            RetryMax = TimeSpan.FromSeconds(configuration.GetValue("Connector:RetryMaxSeconds", 60.0)),
            AttemptTimeout = TimeSpan.FromSeconds(configuration.GetValue("FinanceSystem:AttemptTimeoutSeconds", 10.0)),
            RetryDelay = TimeSpan.FromSeconds(configuration.GetValue("FinanceSystem:RetryDelaySeconds", 2.0)),
            BreakerMinimumThroughput = configuration.GetValue("FinanceSystem:BreakerMinimumThroughput", 100),
            Break = TimeSpan.FromSeconds(configuration.GetValue("FinanceSystem:BreakSeconds", 5.0)),
            BreakerSampling = TimeSpan.FromSeconds(configuration.GetValue("FinanceSystem:BreakerSamplingSeconds", 30.0)),
            BreakerPatience = TimeSpan.FromSeconds(configuration.GetValue("FinanceSystem:BreakerPatienceSeconds", 300.0)),
            ProbeInterval = TimeSpan.FromSeconds(configuration.GetValue("FinanceSystem:ProbeSeconds", 30.0)),
        };
        var problems = new List<string>();
        var replica = configuration["Connector:Replica"]?.Trim() ?? "0";
        if (ReplicaNumber(replica) is { } number)
            settings.Replica = number;
        else
            problems.Add($"Connector:Replica is '{replica}'; set it to this connector's number (0 for the first) or a name ending in it, such as aankopen-connector-2.");
        settings.Group = configuration["Connector:Group"]?.Trim() is { Length: > 0 } group ? group : GroupOf(replica);
        if (!IsValidGroup(settings.Group))
            problems.Add($"Connector:Group is '{settings.Group}'; use 1 to 63 of a-z, 0-9 and '-' (the name of the set of replicas, such as the StatefulSet's).");
        if (settings.Replicas is < 1 or > 1000 || settings.Replica >= settings.Replicas)
            problems.Add($"Connector:Replicas is {settings.Replicas} and Connector:Replica {settings.Replica}; use 1 to 1000 replicas, numbered from 0.");
        if (settings.AssignmentInterval < TimeSpan.FromSeconds(0.2) || settings.AssignmentInterval > TimeSpan.FromMinutes(5))
            problems.Add($"Connector:AssignmentSeconds is {settings.AssignmentInterval.TotalSeconds}; use 0.2 to 300.");
        if (settings.ArrivalWait < TimeSpan.Zero || settings.ArrivalWait > TimeSpan.FromMinutes(10))
            problems.Add($"Connector:ArrivalSeconds is {settings.ArrivalWait.TotalSeconds}; use 0 to 600 (how long a starting replica waits for the others before standing in for them).");
        if (settings.Registry is not null)
        {
            if (settings.Administration.Length > 0 || !string.IsNullOrWhiteSpace(configuration["FinanceSystem:BaseUrl"]))
                problems.Add("Connector:Registry is set, and so is Connector:Administration or FinanceSystem:BaseUrl; list every administration in the registry and leave those two out.");
        }
        else
        {
            if (!Contracts.Finance.V1.FinanceRouting.IsValidAdministration(settings.Administration))
                problems.Add($"Connector:Administration is '{settings.Administration}'; set it to the code of the administration this connector serves (e.g. GEMEENTE), or list several in a file named by Connector:Registry.");
            if (!Contracts.Finance.V1.FinanceRouting.IsValidTenant(settings.Tenant))
                problems.Add($"Connector:Tenant is '{settings.Tenant}'; set it to the tenant id the API knows the administration under (2 to 40 of a-z, 0-9, '-'), or leave it out for the default tenant.");
            var url = configuration["FinanceSystem:BaseUrl"];
            if (DestinationRegistry.FinanceAddress(url) is { } uri)
                settings.FinanceSystemBaseUrl = uri;
            else
                problems.Add($"FinanceSystem:BaseUrl is '{url}'; set it to the http(s) address of the finance system (e.g. http://127.0.0.1:5300/systems/GEMEENTE).");
        }
        if (settings.StreamsAtOnce is < 1 or > 64)
            problems.Add($"Connector:StreamsAtOnce is {settings.StreamsAtOnce}; use 1 to 64 (how many messages of one queue, of different tenders, are booked at once).");
        if (settings.MaxRetries is < 0 or > 100)
            problems.Add($"Connector:MaxRetries is {settings.MaxRetries}; use 0 to 100.");
        if (settings.RetryMin <= TimeSpan.Zero || settings.RetryMax < settings.RetryMin)
            problems.Add("Connector:RetryMinSeconds must be positive and at most Connector:RetryMaxSeconds.");
        if (settings.AttemptTimeout < TimeSpan.FromMilliseconds(100) || settings.RetryDelay <= TimeSpan.Zero)
            problems.Add("FinanceSystem:AttemptTimeoutSeconds must be at least 0.1 and FinanceSystem:RetryDelaySeconds positive.");
        if (settings.BreakerMinimumThroughput is < 2 or > 100_000)
            problems.Add($"FinanceSystem:BreakerMinimumThroughput is {settings.BreakerMinimumThroughput}; use 2 to 100000 (calls seen before the breaker may open).");
        if (settings.Break < TimeSpan.FromSeconds(0.5) || settings.Break > TimeSpan.FromHours(1))
            problems.Add($"FinanceSystem:BreakSeconds is {settings.Break.TotalSeconds}; use 0.5 to 3600 (how long an open breaker holds calls back).");
        if (settings.BreakerPatience < TimeSpan.Zero || settings.BreakerPatience > TimeSpan.FromDays(1))
            problems.Add($"FinanceSystem:BreakerPatienceSeconds is {settings.BreakerPatience.TotalSeconds}; use 0 to 86400 (0: an open breaker fails the attempt at once).");
        if (settings.BreakerSampling < TimeSpan.FromSeconds(1) || settings.BreakerSampling > TimeSpan.FromHours(1))
            problems.Add($"FinanceSystem:BreakerSamplingSeconds is {settings.BreakerSampling.TotalSeconds}; use 1 to 3600 (the window whose calls the breaker judges).");
        if (settings.ProbeInterval < TimeSpan.FromSeconds(0.1) || settings.ProbeInterval > TimeSpan.FromHours(1))
            problems.Add($"FinanceSystem:ProbeSeconds is {settings.ProbeInterval.TotalSeconds}; use 0.1 to 3600 (how often the finance system is probed).");
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join(" ", problems));
        return settings;
    }

    /// <summary>A replica name's part before its number, made a valid group name; "default" for a bare number.</summary>
    private static string GroupOf(string replica)
    {
        var prefix = new string([.. replica.TrimEnd("0123456789".ToCharArray()).ToLowerInvariant()
            .Select(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '-')]).Trim('-');
        return prefix.Length == 0 ? "default" : prefix[..Math.Min(prefix.Length, 63)].TrimEnd('-');
    }

    private static bool IsValidGroup(string group) =>
        group.Length is >= 1 and <= 63 && group.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>The number a replica name ends in: "3" and "aankopen-connector-3" are both replica 3.</summary>
    private static int? ReplicaNumber(string name)
    {
        var digits = name.Length - name.Reverse().TakeWhile(char.IsAsciiDigit).Count();
        return digits < name.Length && int.TryParse(name.AsSpan(digits), System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
