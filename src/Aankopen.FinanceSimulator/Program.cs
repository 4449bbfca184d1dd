using Microsoft.OpenApi;

namespace Aankopen.FinanceSimulator;

public sealed class Program
{
    private Program() { }

    public static Task Main(string[] args) => Build(args).RunAsync();

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Ledgers>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        // The contract a finance vendor implements, served at /openapi/finance-system.json (and kept in contracts/).
        builder.Services.AddOpenApi(CommitmentEndpoints.ContractDocument, o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Aankopen finance-system contract",
                Version = "v1.2",
                Description = "What an administration's finance system implements so that the Aankopen finance connector can book commitments, "
                    + "provisional reservations and releases, and record purchasing-central memberships, for that administration. Every call carries an Idempotency-Key header: a repeated key "
                    + "is acted on once and answered with the first receipt (replayed = true). The connector calls {FinanceSystem:BaseUrl}/commitments, "
                    + "/reservations and /releases; here the base is /systems/{system} as in the simulator, {system} being the administration code. "
                    + "Answer 2xx when done (201 new, 200 replayed), 422 for a request you will never accept (it is not retried usefully), "
                    + "5xx or a timeout for a passing problem (the connector retries with backoff). "
                    + "Version 1.1 adds framework agreements: /frameworks records an administration's ceiling for a period (nothing committed), "
                    + "and each order under it comes to /commitments with kind Order and its orderReference. Nothing of 1.0 changed. "
                    + "Version 1.2: a finance system may ask for a bearer token (Authorization: Bearer; the connector sends the one its registry "
                    + "names for that administration, and retries a 401 like any passing problem), and a reservation may arrive after its lot's award "
                    + "or release, which it then does not change (see /reservations). "
                    + "Calls may come several at a time for one administration (up to the connector's Connector:StreamsAtOnce per queue, 8 unless set), "
                    + "always about different tenders: the calls about one tender or membership come one after the other, in the order recorded.",
            };
            document.Servers = [];
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Aankopen.Contracts.FinanceSystem.V1.FinanceSystemHeaders.IdempotencyKey,
                In = ParameterLocation.Header,
                Required = true,
                Description = "The message's business key. The same key always means the same booking: act on it once.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapGet("/", OverviewPage.Render).ExcludeFromDescription();
        app.MapGet("/systems", (Ledgers ledgers) => ledgers.All.Select(l => new
        {
            l.System,
            Commitments = l.Commitments.All.Count,
            Reservations = l.Reservations.All.Count,
            Releases = l.Releases.All.Count,
            Rejections = l.Rejections.Count,
            Fault = l.Faults.Current,
        })).ExcludeFromDescription();
        app.MapCommitmentEndpoints();
        return app;
    }
}
