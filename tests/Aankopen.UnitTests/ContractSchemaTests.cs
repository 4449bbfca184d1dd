using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Aankopen.Contracts.Finance.V1;
using MassTransit.Serialization;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>
/// The JSON Schemas in contracts/schemas describe the finance messages exactly as the bus writes them. When a
/// contract type changes, regenerate them with <c>AANKOPEN_WRITE_CONTRACTS=1 ./test.sh</c> and review the diff.
/// </summary>
public class ContractSchemaTests
{
    public static TheoryData<string> MessageTypes => [.. FinanceRouting.MessageTypes.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void The_committed_schema_matches_the_message_type(string typeName)
    {
        var type = FinanceRouting.MessageTypes.Single(t => t.Name == typeName);
        var generated = ContractFiles.SchemaFor(type);
        var path = ContractFiles.SchemaPath(type);

        if (Environment.GetEnvironmentVariable("AANKOPEN_WRITE_CONTRACTS") == "1")
            File.WriteAllText(path, generated);

        File.Exists(path).ShouldBeTrue($"{path} is missing; run AANKOPEN_WRITE_CONTRACTS=1 ./test.sh to write it.");
        File.ReadAllText(path).ReplaceLineEndings().ShouldBe(generated.ReplaceLineEndings(),
            $"{path} is out of date with {type.Name}; run AANKOPEN_WRITE_CONTRACTS=1 ./test.sh and review the change (a field removed or renamed needs a V2).");
    }

    [Fact]
    public void The_asyncapi_document_names_every_message_and_its_schema()
    {
        var asyncApi = File.ReadAllText(Path.Combine(ContractFiles.Root, "contracts", "finance-messages.asyncapi.yaml"));

        foreach (var type in FinanceRouting.MessageTypes)
        {
            asyncApi.ShouldContain($"$ref: './schemas/finance/v1/{type.Name}.schema.json'");
            asyncApi.ShouldContain($"urn:message:{type.Namespace}:{type.Name}");
        }
        asyncApi.ShouldContain(FinanceRouting.Exchange);
    }
}

public static class ContractFiles
{
    public static string Root { get; } = FindRoot();

    private const string DecimalPattern = "^-?[0-9]+(\\.[0-9]+)?$";

    public static string SchemaPath(Type type) => Path.Combine(Root, "contracts", "schemas", "finance", "v1", $"{type.Name}.schema.json");

    /// <summary>The schema of the message body as MassTransit's serializer writes it (the <c>message</c> of its envelope).</summary>
    public static string SchemaFor(Type type)
    {
        var schema = SystemTextJsonMessageSerializer.Options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            // The bus writes decimals as strings ("1234.56") through a converter of its own, so that no platform's
            // floating point can change an amount; the exporter cannot see into that converter.
            TransformSchemaNode = (context, node) =>
                context.TypeInfo.Type == typeof(decimal) ? new JsonObject { ["type"] = "string", ["pattern"] = DecimalPattern }
                : context.TypeInfo.Type == typeof(decimal?) ? new JsonObject { ["type"] = new JsonArray("string", "null"), ["pattern"] = DecimalPattern }
                : node,
        }).AsObject();
        var described = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://aankopen.example/contracts/schemas/finance/v1/{type.Name}.schema.json",
            ["title"] = type.Name,
        };
        foreach (var (key, value) in schema.ToArray())
        {
            schema.Remove(key);
            described[key] = value;
        }
        return described.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Aankopen.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Aankopen.sln not found above " + AppContext.BaseDirectory);
    }
}
