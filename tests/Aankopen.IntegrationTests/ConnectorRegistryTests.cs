using Aankopen.FinanceConnector;
using Shouldly;

namespace Aankopen.IntegrationTests;

/// <summary>The connector's registry file as an operator writes it, mistakes included.</summary>
public sealed class ConnectorRegistryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("aankopen-registry-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Each_administration_gets_its_address_and_the_token_of_the_secret_it_names_which_no_log_line_shows()
    {
        File.WriteAllText(Path.Combine(folder, "jette-ocmw"), "s3cret-token\n");
        var settings = Settings("""
            { "administrations": [
                { "tenant": "jette", "administration": "OCMW", "financeSystem": "https://fin.jette.example/api/", "credential": "jette-ocmw" },
                // the default tenant, no token
                { "administration": "GEMEENTE", "financeSystem": "http://10.0.0.5:8080" },
            ] }
            """);

        var destinations = DestinationRegistry.Read(settings);

        destinations.Select(d => (d.Tenant, d.Administration, d.FinanceSystem.ToString(), d.Token)).ShouldBe([
            ("jette", "OCMW", "https://fin.jette.example/api", "s3cret-token"),
            ("default", "GEMEENTE", "http://10.0.0.5:8080/", null)]);
        destinations[0].ToString().ShouldNotContain("s3cret");
    }

    [Fact]
    public void A_registry_with_mistakes_is_refused_as_a_whole_naming_each_one()
    {
        var settings = Settings("""
            { "administrations": [
                { "tenant": "Jette", "administration": "OCMW", "financeSystem": "https://fin.jette.example" },
                { "administration": "ocmw", "financeSystem": "ftp://fin.example" },
                { "administration": "GEMEENTE", "financeSystem": "https://fin.example", "credential": "../../etc/shadow" },
                { "administration": "POLITIE", "financeSystem": "https://fin.example", "credential": "missing" },
                { "administration": "POLITIE", "financeSystem": "https://fin.example" }
            ] }
            """);

        var problem = Should.Throw<InvalidOperationException>(() => DestinationRegistry.Read(settings)).Message;

        problem.ShouldContain("administrations[0].tenant is 'Jette'");
        problem.ShouldContain("administrations[1].administration is 'ocmw'");
        problem.ShouldContain("administrations[1].financeSystem is 'ftp://fin.example'");
        problem.ShouldContain("administrations[2].credential is '../../etc/shadow'");
        problem.ShouldContain($"administrations[3].credential names {Path.Combine(folder, "missing")}");
        problem.ShouldContain("administrations[4] lists POLITIE of tenant default a second time");
    }

    [Theory]
    [InlineData("""{ "administrations": [] }""", "lists no administration")]
    [InlineData("""{ "administrations": [ { "administration": "OCMW" """, "cannot be read")]
    public void An_empty_or_unreadable_registry_is_refused(string text, string said) =>
        Should.Throw<InvalidOperationException>(() => DestinationRegistry.Read(Settings(text))).Message.ShouldContain(said);

    private ConnectorSettings Settings(string registry)
    {
        var path = Path.Combine(folder, "registry.json");
        File.WriteAllText(path, registry);
        return new ConnectorSettings { Registry = path, SecretsDirectory = folder };
    }
}
