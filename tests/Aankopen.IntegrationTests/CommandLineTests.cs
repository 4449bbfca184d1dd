using Aankopen.Cli;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>The <c>aankopen</c> command line against the running API, as the purchasing cell and an operator use it.</summary>
[Collection(nameof(RunningSystem))]
public sealed class CommandLineTests(RunningSystem system)
{
    private static readonly string[] AsCell = ["--role", Access.Roles.PurchasingCell, "--user", TestUsers.Cell];
    private static readonly string[] AsOperator = ["--role", Access.Roles.Operator, "--user", TestUsers.Operator];

    [Fact]
    public async Task The_cell_lists_shows_and_exports_a_tender_in_its_language()
    {
        var reference = $"CL-{Guid.NewGuid():N}"[..20];
        var tender = new MealVoucherTender(system.Api);
        await tender.AwardedDemoAsync(reference);

        var (listed, list) = await RunAsync([.. AsCell, "tenders", "list", "--search", reference]);
        listed.ShouldBe(0, list);
        list.ShouldContain("Referentie | Status");
        list.ShouldContain(reference);
        list.ShouldContain("Published");

        var (shown, show) = await RunAsync([.. AsCell, "--lang", "fr", "tenders", "show", tender.Id.ToString()]);
        shown.ShouldBe(0, show);
        show.ShouldContain("Attribué à Cheques & Co NV: GEMEENTE 75\u202f000,01 EUR 0100/123-48");
        show.ShouldContain("OCMW 25\u202f000,00 EUR 0900/123-48");

        var file = Path.Combine(Path.GetTempPath(), $"{reference}.json");
        var (exported, said) = await RunAsync([.. AsCell, "tenders", "export", tender.Id.ToString(), "--format", "ocds-record", "-o", file]);
        exported.ShouldBe(0, said);
        (await File.ReadAllTextAsync(file, Ct)).ShouldContain("\"ocid\"");
        File.Delete(file);
    }

    [Fact]
    public async Task The_cell_downloads_the_finance_csv_of_the_year()
    {
        var reference = $"CV-{Guid.NewGuid():N}"[..20];
        await new MealVoucherTender(system.Api).AwardedDemoAsync(reference);
        var file = Path.Combine(Path.GetTempPath(), $"{reference}.csv");

        await system.EventuallyAsync(async () =>
        {
            (await RunAsync([.. AsCell, "export", "shares", "--year", DateTime.UtcNow.Year.ToString(), "-o", file])).Code.ShouldBe(0);
            return await File.ReadAllTextAsync(file, Ct);
        }, csv => csv.Contains($"OCMW;{reference};") && csv.Contains("25000,00"));

        (await File.ReadAllBytesAsync(file, Ct)).Take(3).ShouldBe(System.Text.Encoding.UTF8.GetPreamble());
        File.Delete(file);
    }

    [Fact]
    public async Task An_operator_checks_the_configuration_lists_failed_messages_and_rebuilds()
    {
        var (checkedCode, check) = await RunAsync([.. AsOperator, "config", "check"]);
        checkedCode.ShouldBe(0, check); // warnings only: the second municipality's OCMW has no connector here
        check.ShouldContain("[ok] postgresql");
        check.ShouldContain($"[warning] connector {RunningSystem.OtherTenant}/{RunningSystem.OtherOcmw}");
        check.ShouldContain("(Connector:Administration)");

        var (failedCode, failed) = await RunAsync([.. AsOperator, "deliveries", "failed", "GEMEENTE"]);
        failedCode.ShouldBe(0, failed);
        failed.ShouldContain("Geen mislukte berichten voor GEMEENTE.");

        var (rebuiltCode, rebuilt) = await RunAsync([.. AsOperator, "--lang", "fr", "projections", "rebuild"]);
        rebuiltCode.ShouldBe(0, rebuilt);
        rebuilt.ShouldContain("projections reconstruites");

        // Without --worker the operator's commands go to --api: an entrance that routes /api/operations to the worker.
        var (throughOne, viaApi) = await RunAsync(["--api", system.Worker.BaseAddress!.ToString(), .. AsOperator, "deliveries", "failed", "OCMW"]);
        throughOne.ShouldBe(0, viaApi);
        // The API itself serves no operator endpoint: sent there, the command says it was refused and where to send it.
        var (toTheApi, refused) = await RunAsync(["--api", system.Api.BaseAddress!.ToString(), .. AsOperator, "deliveries", "failed", "OCMW"]);
        toTheApi.ShouldBe(CommandLine.Refused, refused);
        refused.ShouldContain("--worker");
    }

    [Fact]
    public async Task Refusals_wrong_usage_and_an_unreachable_api_each_end_with_their_own_exit_code_and_a_sentence()
    {
        var (refused, problem) = await RunAsync([.. AsCell, "tenders", "show", Guid.NewGuid().ToString()]);
        refused.ShouldBe(CommandLine.Refused);
        problem.ShouldContain("HTTP 404");

        var (denied, forbidden) = await RunAsync([.. AsOperator, "tenders", "list"]);
        denied.ShouldBe(CommandLine.Refused);
        forbidden.ShouldContain("HTTP 403");

        (await RunAsync([.. AsCell, "tenders", "export", Guid.NewGuid().ToString(), "--format", "xml"])).Code.ShouldBe(CommandLine.WrongUsage);

        var (unreachable, said) = await RunAsync(["--api", "http://127.0.0.1:1/", .. AsCell, "tenders", "list"]);
        unreachable.ShouldBe(CommandLine.Unreachable);
        said.ShouldContain("AANKOPEN_API");
    }

    private async Task<(int Code, string Output)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var all = args.Contains("--api") ? args : ["--api", system.Api.BaseAddress!.ToString(), "--worker", system.Worker.BaseAddress!.ToString(), .. args];
        var code = await CommandLine.RunAsync([.. all, "--dev-issuer", TestIssuer.Address.ToString()], output, output);
        return (code, output.ToString());
    }
}
