using System.CommandLine;

namespace Aankopen.Cli;

/// <summary>
/// <c>aankopen</c>: list, show and export tenders; the finance CSV files; failed finance messages and their replay;
/// rebuilding read models; checking a deployment's configuration (those three through the worker, <c>--worker</c>). Exit codes: 0 done, 1 the API refused (its
/// problem is printed), 2 wrong usage, 3 the configuration check found a problem, 4 the API could not be reached.
/// </summary>
public static class CommandLine
{
    public const int Refused = 1, WrongUsage = 2, ProblemFound = 3, Unreachable = 4;

    internal static readonly Option<Uri> Api = new("--api")
    {
        Description = "Address of the Aankopen API (or AANKOPEN_API)",
        Recursive = true,
        CustomParser = Address,
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("AANKOPEN_API") is { Length: > 0 } api ? api : "http://127.0.0.1:5080/"),
    };

    /// <summary>The operator's commands go to the worker, which runs the daemon and reaches the broker.</summary>
    internal static readonly Option<Uri?> Worker = new("--worker")
    {
        Description = "Address of the Aankopen worker, for the operator's commands (or AANKOPEN_WORKER; default: --api, for an entrance that routes /api/operations to it)",
        Recursive = true,
        CustomParser = Address,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AANKOPEN_WORKER") is { Length: > 0 } worker ? new Uri(worker) : null,
    };

    internal static readonly Option<string?> Token = new("--token")
    {
        Description = "Bearer token from your identity provider (or AANKOPEN_TOKEN)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AANKOPEN_TOKEN"),
    };

    internal static readonly Option<Uri?> DevIssuer = new("--dev-issuer") { Description = "Demo only: sign in through this development issuer", Recursive = true, CustomParser = Address };
    internal static readonly Option<string> User = new("--user") { Description = "Demo only: the user to sign in as", Recursive = true, DefaultValueFactory = _ => "operator@demo.example" };
    internal static readonly Option<string[]> Roles = new("--role") { Description = "Demo only: a role of that user (repeatable)", Recursive = true, AllowMultipleArgumentsPerToken = true };
    internal static readonly Option<string[]> Administrations = new("--for") { Description = "Demo only: an administration the user acts for (repeatable)", Recursive = true };
    internal static readonly Option<string?> Tenant = new("--tenant") { Description = "Demo only: the user's tenant", Recursive = true };
    internal static readonly Option<string?> Lang = new("--lang") { Description = "nl or fr (default: from LANG)", Recursive = true };

    private static Uri? Address(System.CommandLine.Parsing.ArgumentResult result)
    {
        var given = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(given, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return uri;
        result.AddError($"'{given}' is not an http(s) address, such as https://aankopen.jette.example/");
        return null;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null)
    {
        var root = new RootCommand("aankopen: joint tenders, finance exports and operations of an Aankopen deployment")
        {
            Options = { Api, Worker, Token, DevIssuer, User, Roles, Administrations, Tenant, Lang },
        };
        root.Subcommands.Add(TenderCommands.Build(output, handler));
        root.Subcommands.Add(ExportCommands.Build(output, handler));
        root.Subcommands.Add(OperationCommands.Deliveries(output, handler));
        root.Subcommands.Add(OperationCommands.Projections(output, handler));
        root.Subcommands.Add(OperationCommands.Configuration(output, handler));
        var parse = root.Parse(args);
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        // Wrong usage gets a code of its own, so a script tells it apart from a refusal by the API.
        return parse.Errors.Count > 0 ? WrongUsage : code;
    }

    internal static ApiConnection ConnectionOf(ParseResult parse)
    {
        var texts = new Texts(Texts.PrefersFrench(parse.GetValue(Lang)));
        var roles = parse.GetValue(Roles) is { Length: > 0 } given ? given : ["operator"];
        return new ApiConnection(parse.GetValue(Api)!, parse.GetValue(Token), parse.GetValue(DevIssuer), parse.GetValue(User)!, roles,
            parse.GetValue(Administrations) ?? [], parse.GetValue(Tenant), texts);
    }

    /// <summary>As <see cref="ConnectionOf"/>, to the worker: the operator's endpoints are served there.</summary>
    internal static ApiConnection OperatorConnectionOf(ParseResult parse) =>
        ConnectionOf(parse) with { Api = parse.GetValue(Worker) ?? parse.GetValue(Api)!, WorkerMissing = parse.GetValue(Worker) is null };
}
