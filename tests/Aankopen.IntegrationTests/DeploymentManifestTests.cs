using Shouldly;

namespace Aankopen.IntegrationTests;

/// <summary>
/// infra/k8s and infra/compose checked without a cluster or a Docker engine: the test command installs the tools
/// (docker-compose from Debian, the validator's npm packages).
/// </summary>
public sealed class DeploymentManifestTests
{
    private static readonly string Root = ExternalTool.Root;
    private static readonly string Validator = Path.Combine(Root, "infra", "validate", "validate-manifests.mjs");
    private static readonly string AsyncApiValidator = Path.Combine(Root, "infra", "validate", "validate-asyncapi.mjs");
    private static readonly string AsyncApiDocument = Path.Combine(Root, "contracts", "finance-messages.asyncapi.yaml");

    [Fact]
    public async Task The_finance_messages_document_is_valid_asyncapi_with_every_message_type()
    {
        var (code, output) = await RunAsync("node", [AsyncApiValidator, AsyncApiDocument]);

        code.ShouldBe(0, output);
        output.ShouldContain("valid AsyncAPI 3.0.0");
        foreach (var type in Aankopen.Contracts.Finance.V1.FinanceRouting.MessageTypes)
            output.ShouldContain(type.Name);
    }

    [Fact]
    public async Task The_asyncapi_parser_refuses_a_document_that_breaks_the_specification()
    {
        // A copy in a folder of its own, with the message schemas beside it so that its references still resolve; a
        // killed run leaves nothing in contracts/.
        var folder = Directory.CreateTempSubdirectory("aankopen-asyncapi-").FullName;
        var contracts = Path.GetDirectoryName(AsyncApiDocument)!;
        foreach (var schema in Directory.EnumerateFiles(Path.Combine(contracts, "schemas"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(contracts, schema));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(schema, target);
        }
        var copy = Path.Combine(folder, "broken.asyncapi.yaml");
        var text = await File.ReadAllTextAsync(AsyncApiDocument, TestContext.Current.CancellationToken);
        text.ShouldContain("action: send");
        await File.WriteAllTextAsync(copy, text.Replace("action: send", "action: broadcast", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        try
        {
            var (code, output) = await RunAsync("node", [AsyncApiValidator, copy]);

            code.ShouldBe(1);
            output.ShouldContain("\"action\" property must be equal to one of the allowed values");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_kubernetes_manifests_pass_the_api_schema_and_this_deployments_rules()
    {
        var (code, output) = await RunAsync("node", [Validator, Path.Combine(Root, "infra", "k8s")]);

        code.ShouldBe(0, output);
        output.ShouldContain("16 objects checked, 0 findings");
    }

    [Fact]
    public async Task The_validator_refuses_a_worker_without_standby_a_probe_nobody_answers_a_malformed_limit_an_administration_without_connector_no_parked_alert_pages_without_the_api_and_a_migration_without_the_worker()
    {
        var copy = Directory.CreateTempSubdirectory("aankopen-k8s-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "infra", "k8s")))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        await Change(copy, "worker.yaml", "  replicas: 2", "  replicas: 1");
        await Change(copy, "migrate-job.yaml", "image: aankopen-worker", "image: aankopen-api");
        await Change(copy, "api.yaml", "path: /health/ready", "path: /ready");
        await Change(copy, "api.yaml", "memory: 512Mi", "memory: lots");
        await Change(copy, "alerts.yaml", "(aankopen_finance_messages_parked)", "(aankopen_finance_messages_published_total)");
        await Change(copy, "web.yaml", "value: \"http://aankopen-api\"", "value: \"http://aankopen-app\"");
        // The OCMW is missing from the connectors' registry, and the replicas do not know how many they are.
        await Change(copy, "connectors.yaml", "\"administration\": \"OCMW\"", "\"administration\": \"OCMW-OUD\"");
        await Change(copy, "connectors.yaml", "value: \"2\"", "value: \"3\"");

        var (code, output) = await RunAsync("node", [Validator, copy]);

        code.ShouldBe(1);
        output.ShouldContain("a worker must have at least 2 replicas");
        output.ShouldContain("the migration runs the worker image with the argument migrate");
        output.ShouldContain("readinessProbe asks /ready");
        output.ShouldContain("limits/memory must match format \"quantity\"");
        output.ShouldContain("no connector serves OCMW");
        output.ShouldContain("Connector__Replicas (3) must equal spec.replicas (2)");
        output.ShouldContain("no alert rule on aankopen_finance_messages_parked");
        output.ShouldContain("Web__ApiAddress (http://aankopen-app) must be http://<the API's Service>");
        Directory.Delete(copy, recursive: true);
    }

    [Fact]
    public async Task The_compose_file_is_valid_and_refuses_to_run_without_its_secrets()
    {
        var compose = Path.Combine(Root, "infra", "compose", "compose.yaml");
        var secrets = new Dictionary<string, string?>
        {
            ["POSTGRES_PASSWORD"] = "test",
            ["RABBITMQ_PASSWORD"] = "test",
            ["AANKOPEN_AUTHORITY"] = "https://login.example.be/",
        };

        var (valid, said) = await RunAsync("docker-compose", ["-f", compose, "config", "-q"], secrets);
        valid.ShouldBe(0, said);

        var (refused, why) = await RunAsync("docker-compose", ["-f", compose, "config", "-q"], secrets.ToDictionary(s => s.Key, s => s.Key == "POSTGRES_PASSWORD" ? null : s.Value));
        refused.ShouldNotBe(0);
        why.ShouldContain("set POSTGRES_PASSWORD in .env");
    }

    private static async Task Change(string folder, string file, string from, string to)
    {
        var path = Path.Combine(folder, file);
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        text.ShouldContain(from);
        await File.WriteAllTextAsync(path, text.Replace(from, to, StringComparison.Ordinal), TestContext.Current.CancellationToken);
    }

    // The deployment's secrets never come from the test process's own environment: each call names them.
    private static Task<(int Code, string Output)> RunAsync(string program, string[] args, IDictionary<string, string?>? environment = null) =>
        ExternalTool.RunAsync(program, args, new Dictionary<string, string?>
        {
            ["POSTGRES_PASSWORD"] = null,
            ["RABBITMQ_PASSWORD"] = null,
            ["AANKOPEN_AUTHORITY"] = null,
        }.Concat(environment ?? new Dictionary<string, string?>()).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value));
}
